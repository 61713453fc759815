using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ToonStudio.Server.Storage.Postgres;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>Two buses on one database stand for two replicas: what one publishes, the other's subscribers see.</summary>
public sealed class PostgresJobEventBusTests : IAsyncLifetime
{
    /// <summary>A bound for what must happen, generous for a loaded machine: a passing test never waits it out.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _schema = TestServices.UniqueName("t_");
    private NpgsqlDataSource _db = null!;
    private PostgresJobEventBus _a = null!;
    private PostgresJobEventBus _b = null!;

    public async Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(TestServices.Postgres);
        _a = await StartAsync();
        _b = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.StopAsync(default);
        await _b.StopAsync(default);
        _a.Dispose();
        _b.Dispose();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task PublishChangedAsync_OnOneReplica_SignalsSubscriberOnTheOther()
    {
        using var subscription = _b.Subscribe("job-1");

        await _a.PublishChangedAsync("job-1", default);

        Assert.True(await subscription.WaitAsync(Patience, default));
    }

    [Fact]
    public async Task PublishChangedAsync_AnotherJob_DoesNotSignal()
    {
        using var subscription = _b.Subscribe("job-1");

        await _a.PublishChangedAsync("job-2", default);

        Assert.False(await subscription.WaitAsync(TimeSpan.FromMilliseconds(300), default));
    }

    [Fact]
    public async Task PublishQueuedAsync_OnOneReplica_WakesTheOthersRunner()
    {
        // Drain the wake-up every listener gives itself once it listens (it is sent right after Listening completes).
        await _b.WaitForWorkAsync(Patience, default);
        // Far longer than the test's bound: only the notification can end this wait in time.
        var wait = _b.WaitForWorkAsync(TimeSpan.FromHours(1), default);

        await _a.PublishQueuedAsync(default);

        await wait.WaitAsync(Patience);
    }

    [Fact]
    public async Task PublishChangedAsync_AfterListenerConnectionKilled_StillReachesTheOtherReplica()
    {
        using var subscription = _b.Subscribe("job-1");
        await using (var kill = _db.CreateCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where query like @listen and pid <> pg_backend_pid()"))
        {
            kill.Parameters.AddWithValue("listen", $"listen {_schema}_job_%");
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        // The listeners reconnect after a 1 s backoff; publish until one arrives (a notification sent while nobody
        // listens is lost by design: subscribers re-read the row when their wait times out).
        var attempts = 0;
        await Wait.UntilAsync(async () =>
        {
            attempts++;
            await _a.PublishChangedAsync("job-1", default);
            return await subscription.WaitAsync(TimeSpan.FromMilliseconds(500), default);
        }, Patience, () => $"a notification through the reconnected listeners ({attempts} sent)");
    }

    private async Task<PostgresJobEventBus> StartAsync()
    {
        var bus = new PostgresJobEventBus(_db, _schema, TimeProvider.System, NullLogger<PostgresJobEventBus>.Instance);
        await bus.StartAsync(default);
        await bus.Listening.WaitAsync(Patience);
        return bus;
    }
}
