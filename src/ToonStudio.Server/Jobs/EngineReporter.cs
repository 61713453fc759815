using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>
/// The runner's side of the engine seam: builds the <see cref="EngineRequest"/> from the job row, and persists what
/// the engine reports into that row, under the runner's lease, telling subscribers. The engine never sees the row.
/// </summary>
internal sealed class EngineReporter(Job job, IJobStore store, IJobEventBus bus, TimeProvider time, RunningJob running) : IEngineReporter
{
    private Job _job = job;

    public TimeProvider Time => time;
    public bool ProviderTaskStillWanted => running.Reason is StopReason.Shutdown or StopReason.LeaseLost;

    /// <summary>The row as the engine's reports left it: the runner finishes the job from this copy.</summary>
    internal Job Job => _job;

    /// <summary>What the engine is asked to draw; a stored provider task id becomes the resume token.</summary>
    internal EngineRequest Request(IReadOnlyList<EngineInput> inputs) => new(
        _job.Id, _job.Kind, _job.Parameters, inputs,
        _job.ProviderTaskId is { } taskId ? new ResumeToken(taskId, _job.ProviderPollingUrl) : null,
        _job.Deadline);

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
