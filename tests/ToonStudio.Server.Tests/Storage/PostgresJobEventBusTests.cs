using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ToonStudio.Server.Storage.Postgres;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>Two buses on one database stand for two replicas: what one publishes, the other's subscribers see.</summary>
public sealed class PostgresJobEventBusTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
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
        // Drain the wake-up every listener gives itself when it (re)connects.
        await _b.WaitForWorkAsync(TimeSpan.FromMilliseconds(50), default);
        var wait = _b.WaitForWorkAsync(Patience, default);

        await _a.PublishQueuedAsync(default);

        Assert.Same(wait, await Task.WhenAny(wait, Task.Delay(Patience / 2)));
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
        var seen = false;
        for (var attempt = 0; attempt < 20 && !seen; attempt++)
        {
            await _a.PublishChangedAsync("job-1", default);
            seen = await subscription.WaitAsync(TimeSpan.FromMilliseconds(500), default);
        }

        Assert.True(seen);
    }

    private async Task<PostgresJobEventBus> StartAsync()
    {
        var bus = new PostgresJobEventBus(_db, _schema, TimeProvider.System, NullLogger<PostgresJobEventBus>.Instance);
        await bus.StartAsync(default);
        await bus.Listening.WaitAsync(Patience);
        return bus;
    }
}
