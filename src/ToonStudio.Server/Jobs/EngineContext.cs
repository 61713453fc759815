using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Storage;

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
        // Kept in memory first: if the write fails for good, the final write still carries the provider's task id.
        var previous = _job;
        _job = next;
        // The provider id must be durable even when the job's token has just been canceled: write it regardless,
        // and through a passing store error — losing it would mean paying for the image twice after a restart.
        if (!await UpdateWithRetriesAsync(next, mustLand: next.ProviderTaskId != previous.ProviderTaskId))
        {
            running.Stop(StopReason.LeaseLost);
            ct.ThrowIfCancellationRequested();
            throw new OperationCanceledException("Another process took this job over.");
        }
        await bus.PublishChangedAsync(next.Id, CancellationToken.None);
    }

    private async Task<bool> UpdateWithRetriesAsync(Job next, bool mustLand)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.UpdateAsync(next, CancellationToken.None);
            }
            catch (Exception) when (mustLand && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, CancellationToken.None);
            }
        }
    }
}
