using Npgsql;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// Job signals across replicas through LISTEN/NOTIFY: a publish notifies every replica (this one included), and one
/// listening connection per replica fans the notifications out to local subscribers through the in-process bus.
/// Publishing also signals local subscribers at once, so a replica's own SSE streams never wait on the round trip.
/// A notification lost while the listener reconnects costs latency only: subscribers and runners poll the store
/// when their wait times out.
/// </summary>
public sealed partial class PostgresJobEventBus(NpgsqlDataSource db, string schema, TimeProvider time, ILogger<PostgresJobEventBus> log)
    : BackgroundService, IJobEventBus
{
    private readonly InProcessJobEventBus _local = new();
    private readonly string _changed = $"{PostgresOptions.Checked(schema)}_job_changed";
    private readonly string _queued = $"{schema}_job_queued";

    /// <summary>Set once the listener is subscribed; tests wait on it before publishing from another bus.</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask PublishChangedAsync(string jobId, CancellationToken ct)
    {
        await _local.PublishChangedAsync(jobId, ct);
        await NotifyAsync(_changed, jobId, ct);
    }

    public async ValueTask PublishQueuedAsync(CancellationToken ct)
    {
        await _local.PublishQueuedAsync(ct);
        await NotifyAsync(_queued, "", ct);
    }

    public IJobSubscription Subscribe(string jobId) => _local.Subscribe(jobId);

    public Task WaitForWorkAsync(TimeSpan max, CancellationToken ct) => _local.WaitForWorkAsync(max, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenerLost(log, e, backoff);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        conn.Notification += OnNotification;
        await using (var listen = new NpgsqlCommand($"listen {_changed}; listen {_queued}", conn))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        _listening.TrySetResult();
        // Work may have been queued while nobody listened.
        await _local.PublishQueuedAsync(ct);
        while (true)
        {
            // A quiet minute: prove the connection is alive, or fail and reconnect.
            if (!await conn.WaitAsync(TimeSpan.FromMinutes(1), ct))
            {
                await using var ping = new NpgsqlCommand("select 1", conn);
                await ping.ExecuteScalarAsync(ct);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel == _changed)
        {
            _ = _local.PublishChangedAsync(e.Payload, CancellationToken.None);
        }
        else if (e.Channel == _queued)
        {
            _ = _local.PublishQueuedAsync(CancellationToken.None);
        }
    }

    private async Task NotifyAsync(string channel, string payload, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand("select pg_notify(@channel, @payload)");
            cmd.Parameters.AddWithValue("channel", channel);
            cmd.Parameters.AddWithValue("payload", payload);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The row is already written; other replicas see it when their wait times out.
            LogNotifyFailed(log, e, channel);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL job listener lost; reconnecting in {Backoff}")]
    private static partial void LogListenerLost(ILogger logger, Exception e, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL NOTIFY on {Channel} failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception e, string channel);
}
