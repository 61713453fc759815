namespace ToonStudio.Server.Storage;

/// <summary>
/// "Something changed" signals; the job row in <see cref="IJobStore"/> stays the single source of truth, so a
/// subscriber re-reads the job after each signal. In-process by default; PostgreSQL LISTEN/NOTIFY when scaled out,
/// so an SSE stream on one replica follows a job running on another.
/// </summary>
public interface IJobEventBus
{
    /// <summary>The job's row changed (status, stage, progress, result).</summary>
    ValueTask PublishChangedAsync(string jobId, CancellationToken ct);

    /// <summary>A job became claimable (created, or released); wakes idle runners.</summary>
    ValueTask PublishQueuedAsync(CancellationToken ct);

    IJobSubscription Subscribe(string jobId);

    /// <summary>Returns when work may be available, or after <paramref name="max"/>.</summary>
    Task WaitForWorkAsync(TimeSpan max, CancellationToken ct);
}

/// <summary>A subscriber's view of one job's change signals; dispose to stop listening.</summary>
public interface IJobSubscription : IDisposable
{
    /// <summary>True when the job changed since the last call; false when <paramref name="timeout"/> passed first.</summary>
    ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken ct);
}
