using ToonStudio.Server.Engines;

namespace ToonStudio.Server.Jobs;

/// <summary>Persists what an engine reports, under the runner's lease, and tells subscribers.</summary>
internal sealed class EngineContext(Job job, IJobStore store, IJobEventBus bus, TimeProvider time, RunningJob running) : IEngineContext
{
    private Job _job = job;

    public Job Job => _job;
    public DateTimeOffset Deadline => _job.Deadline;
    public TimeProvider Time => time;
    public bool ProviderTaskStillWanted => running.Reason is StopReason.Shutdown or StopReason.LeaseLost;

    public ValueTask ReportAsync(string stage, double? progress, CancellationToken ct) =>
        SaveAsync(_job with { Stage = stage, Progress = Math.Clamp(progress ?? _job.Progress, 0, 1) }, ct);

    public ValueTask ProviderAcceptedAsync(string taskId, string? pollingUrl, double? cost, CancellationToken ct) =>
        SaveAsync(_job with
        {
            ProviderTaskId = taskId,
            ProviderPollingUrl = pollingUrl,
            Cost = cost ?? _job.Cost,
            ProviderSubmissions = _job.ProviderSubmissions + 1,
        }, ct);

    /// <summary>Replaces the job the runner finishes with (e.g. after the engine stored extra fields).</summary>
    internal Job Current => _job;

    private async ValueTask SaveAsync(Job next, CancellationToken ct)
    {
        // The provider id must be durable even when the job's token has just been canceled: write it regardless.
        if (!await store.UpdateAsync(next, CancellationToken.None))
        {
            running.Stop(StopReason.LeaseLost);
            ct.ThrowIfCancellationRequested();
            throw new OperationCanceledException("Another process took this job over.");
        }
        _job = next;
        await bus.PublishChangedAsync(next.Id, CancellationToken.None);
    }
}
