namespace ToonStudio.Server.Jobs;

/// <summary>
/// When SIGTERM arrived. The runner's <see cref="RunnerOptions.ShutdownGrace"/> and the patience of requests waiting
/// on jobs both count from this moment, so together they fit in the host's 30 s shutdown budget: Kestrel drains its
/// requests before the runner is even asked to stop, and a wait that outlasted the budget ended in a connection reset.
/// </summary>
public sealed class ShutdownClock
{
    private readonly TimeProvider _time;
    private long _stoppingTicks;

    public ShutdownClock(IHostApplicationLifetime lifetime, TimeProvider time)
    {
        _time = time;
        Stopping = lifetime.ApplicationStopping;
        Stopping.Register(() => Interlocked.CompareExchange(ref _stoppingTicks, time.GetUtcNow().UtcTicks, 0));
    }

    public CancellationToken Stopping { get; }

    /// <summary>What is left of <paramref name="grace"/> since stopping began; the whole grace while the host runs.</summary>
    public TimeSpan Left(TimeSpan grace)
    {
        var since = Interlocked.Read(ref _stoppingTicks);
        if (since == 0)
        {
            return grace;
        }
        var left = grace - (_time.GetUtcNow() - new DateTimeOffset(since, TimeSpan.Zero));
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
