using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>
/// Waits for a job to end, by change signals with a slow poll behind them (a signal from another replica may be missed).
/// On SIGTERM a wait lasts at most the runner's shutdown grace, then answers with the job as it stands (still running,
/// resumable): the request gets a whole answer instead of a reset when the host's shutdown budget runs out.
/// </summary>
public sealed class JobWaiter(IJobStore store, IJobEventBus bus, TimeProvider time, ShutdownClock shutdown, IOptions<RunnerOptions> runner)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>The job once terminal, or as it stands when <paramref name="timeout"/> passes; null if it disappeared.</summary>
    public async Task<Job?> WaitAsync(string id, TimeSpan timeout, CancellationToken ct)
    {
        using var subscription = bus.Subscribe(id);
        var until = time.GetUtcNow() + timeout;
        while (true)
        {
            var job = await store.GetAsync(id, ct);
            var left = until - time.GetUtcNow();
            if (shutdown.Stopping.IsCancellationRequested)
            {
                left = shutdown.Left(runner.Value.ShutdownGrace) is var grace && grace < left ? grace : left;
            }
            if (job is null || job.IsTerminal || left <= TimeSpan.Zero)
            {
                return job;
            }
            await subscription.WaitAsync(left < Poll ? left : Poll, ct);
        }
    }
}
