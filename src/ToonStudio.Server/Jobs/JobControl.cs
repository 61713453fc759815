using ToonStudio.Server.Core;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>Cancels and deletes jobs: the flag in the store, then a "changed" signal that reaches whichever replica runs the job.</summary>
public sealed class JobControl(
    IJobStore store,
    IBlobStore blobs,
    IJobEventBus bus,
    JobWaiter waiter,
    TimeProvider time,
    ToonStudioMetrics metrics)
{
    public async Task<Job?> CancelAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var job = await store.RequestCancelAsync(id, now, ct);
        if (job is { Status: JobStatus.Canceled, StartedAt: null } && job.CompletedAt == now)
        {
            // Canceled while queued: it never reaches the runner, so it is counted here.
            metrics.JobCompleted(job.Kind, job.Engine, JobStatus.Canceled, now - job.CreatedAt);
        }
        if (job is not null)
        {
            // The replica running the job hears this on the bus (JobExecutor watches its job) and stops it.
            await bus.PublishChangedAsync(id, ct);
        }
        return job;
    }

    private static readonly TimeSpan DeleteWait = TimeSpan.FromSeconds(10);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        var job = await store.GetAsync(id, ct);
        if (job is null)
        {
            return false;
        }
        if (!job.IsTerminal)
        {
            // Cancel first and give the run a moment to stop (and cancel at the provider), so no run is left
            // writing files after the delete. A run that does not stop in time sees the row gone on its next
            // heartbeat, stops as canceled, and removes whatever it wrote (JobExecutor).
            await CancelAsync(id, ct);
            await waiter.WaitAsync(id, DeleteWait, ct);
        }
        await blobs.DeletePrefixAsync(JobBlobs.Prefix(id), CancellationToken.None);
        await store.DeleteAsync(id, CancellationToken.None);
        await bus.PublishChangedAsync(id, CancellationToken.None);
        return true;
    }
}
