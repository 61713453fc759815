using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Ops.Tracing;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>Runs one claimed job to a final state (or leaves it resumable), whatever the engine does.</summary>
public sealed partial class JobExecutor(
    IJobStore store,
    IJobEventBus bus,
    EngineRegistry engines,
    JobFiles results,
    Storage.IBlobStore blobs,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ToonStudioMetrics metrics,
    JobTraceLinks traces,
    ILogger<JobExecutor> logger)
{
    internal async Task ExecuteAsync(Job job, RunningJob running, CancellationToken ct)
    {
        using var run = traces.StartRun(job);
        using var scope = logger.BeginScope(run.Scope);
        if (job.CancelRequested)
        {
            await FinishAsync(job, JobStatus.Canceled, ErrorCode.Canceled, null);
            return;
        }
        var remaining = job.Deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            await FinishAsync(job, JobStatus.TimedOut, ErrorCode.GenerationTimeout, null);
            return;
        }
        LogStarted(job.Id, job.Engine, job.ProviderTaskId);
        using var deadline = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(running.Token, deadline.Token, ct);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(job, running, heartbeatStop.Token);
        var cancelWatch = WatchForCancelAsync(job.Id, bus.Subscribe(job.Id), running, heartbeatStop.Token);
        var reporter = new EngineReporter(job, store, bus, time, running);
        run.Scope.ProviderTaskIdSource = () => reporter.Job.ProviderTaskId;
        Job? stored = null;
        try
        {
            var engine = engines.Find(job.Engine)
                ?? throw new ToonStudioException(ErrorCode.EngineNotConfigured, $"the {job.Engine} engine is not part of this build");
            if (!engine.Availability.Configured)
            {
                throw new ToonStudioException(ErrorCode.EngineNotConfigured, $"{engine.Availability.MissingSetting} is not set",
                    args: new Dictionary<string, string> { ["engine"] = job.Engine, ["why"] = $"{engine.Availability.MissingSetting} is not set" });
            }
            var inputs = await results.LoadInputsAsync(job, linked.Token);
            if (job.ProviderTaskId is null)
            {
                await reporter.ReportAsync("submitting", 0, linked.Token);
            }
            var result = await engine.GenerateAsync(reporter.Request(inputs), reporter, linked.Token);
            await reporter.ReportAsync("storing", 0.95, linked.Token);
            // The image exists and may have cost money: store it even if the deadline passes meanwhile.
            stored = await results.StoreAsync(reporter.Job, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await StoppedAsync(reporter.Job, running.Reason);
        }
        catch (ToonStudioException e)
        {
            var status = e.Code == ErrorCode.GenerationTimeout ? JobStatus.TimedOut : JobStatus.Failed;
            LogFailed(job.Id, e.Code, e.Detail);
            await FinishAsync(reporter.Job with { RetryAfterSeconds = e.RetryAfter?.TotalSeconds }, status, e.Code, e.Detail);
        }
        catch (StorageFullException e)
        {
            // The data disk or the database is full: a documented condition (507 insufficient_storage), not a bug.
            // If the row cannot be written either, FinishAsync throws and the job stays resumable for when space is back.
            LogFailed(job.Id, ErrorCode.InsufficientStorage, e.Message);
            await FinishAsync(reporter.Job, JobStatus.Failed, ErrorCode.InsufficientStorage, null);
        }
        catch (Exception e)
        {
            LogCrashed(e, job.Id);
            await FinishAsync(reporter.Job, JobStatus.Failed, ErrorCode.InternalError, null);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            await cancelWatch;
        }
        if (stored is not null)
        {
            // Outside the try: once the paid image is stored, no later hiccup may turn the job into a failure.
            await FinishAsync(stored, JobStatus.Succeeded, null, null);
        }
    }

    private Task StoppedAsync(Job job, StopReason reason) => reason switch
    {
        StopReason.UserCancel => FinishAsync(job, JobStatus.Canceled, ErrorCode.Canceled, null),
        // Left running with no lease: the next claim (here after a restart, or another replica) resumes it.
        StopReason.Shutdown => store.RenewLeaseAsync(job.Id, job.LeaseOwner ?? options.Value.WorkerId, time.GetUtcNow() - TimeSpan.FromMilliseconds(1), CancellationToken.None),
        StopReason.LeaseLost => Task.CompletedTask,
        _ => FinishAsync(job, JobStatus.TimedOut, ErrorCode.GenerationTimeout, null),
    };

    private async Task FinishAsync(Job job, JobStatus status, string? code, string? detail)
    {
        var now = time.GetUtcNow();
        var final = job with
        {
            Status = status,
            Stage = null,
            Progress = status == JobStatus.Succeeded ? 1 : job.Progress,
            CompletedAt = now,
            ErrorCode = code,
            ErrorDetail = detail,
            LeaseOwner = job.LeaseOwner ?? options.Value.WorkerId,
        };
        if (await WriteWithRetriesAsync(final))
        {
            LogFinished(job.Id, JobJson.StatusName(status), code, (now - (job.StartedAt ?? job.CreatedAt)).TotalMilliseconds);
            metrics.JobCompleted(job.Kind, job.Engine, status, now - job.CreatedAt);
            ToonStudioActivities.RecordOutcome(JobJson.StatusName(status), code);
            await bus.PublishChangedAsync(job.Id, CancellationToken.None);
        }
    }

    /// <summary>
    /// The final write, retried through a store hiccup: a lost final write would leave the job to be claimed and
    /// run again. False when the row is gone (deleted meanwhile: its files are removed too) or the lease was lost.
    /// </summary>
    private async Task<bool> WriteWithRetriesAsync(Job final)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await store.UpdateAsync(final, CancellationToken.None))
                {
                    return true;
                }
                if (await store.GetAsync(final.Id, CancellationToken.None) is null)
                {
                    await blobs.DeletePrefixAsync(JobBlobs.Prefix(final.Id), CancellationToken.None);
                }
                return false;
            }
            catch (Exception e) when (attempt < 4 && e is not StorageFullException)
            {
                LogHeartbeatFailed(e, final.Id);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), time, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Stops the run when its row says canceled or is gone, on each "changed" signal: a cancel sent on any replica
    /// reaches this one over the event bus (the heartbeat reads the flag too, as a fallback for a lost signal).
    /// </summary>
    private async Task WatchForCancelAsync(string id, IJobSubscription changes, RunningJob running, CancellationToken ct)
    {
        using (changes)
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (!await changes.WaitAsync(CancelWatchPoll, ct))
                    {
                        continue;
                    }
                    if (await store.GetAsync(id, ct) is null or { CancelRequested: true })
                    {
                        running.Stop(StopReason.UserCancel);
                        return;
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // A failed read is not a cancel; the heartbeat still reads the flag.
                    LogHeartbeatFailed(e, id);
                }
            }
        }
    }

    private static readonly TimeSpan CancelWatchPoll = TimeSpan.FromMinutes(1);

    private async Task HeartbeatAsync(Job job, RunningJob running, CancellationToken ct)
    {
        var every = options.Value.Lease / 3;
        var owner = job.LeaseOwner ?? options.Value.WorkerId;
        var renewed = time.GetUtcNow();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, ct);
                var current = await store.GetAsync(job.Id, ct);
                if (current is null || current.CancelRequested)
                {
                    // Canceled, or deleted from the history: the job is over, the provider's task is not wanted.
                    running.Stop(StopReason.UserCancel);
                }
                if (!await store.RenewLeaseAsync(job.Id, owner, time.GetUtcNow() + options.Value.Lease, ct))
                {
                    running.Stop(StopReason.LeaseLost);
                    return;
                }
                renewed = time.GetUtcNow();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One failed heartbeat is not a failed job; but a lease this process can no longer renew will be
                // claimed elsewhere, so stop before that can happen rather than run the job twice.
                LogHeartbeatFailed(e, job.Id);
                if (time.GetUtcNow() - renewed > options.Value.Lease * 2 / 3)
                {
                    running.Stop(StopReason.LeaseLost);
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started on {Engine} (provider task {ProviderTaskId})")]
    private partial void LogStarted(string jobId, string engine, string? providerTaskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished {Status} {ErrorCode} after {DurationMs} ms")]
    private partial void LogFinished(string jobId, string status, string? errorCode, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed: {ErrorCode} {Detail}")]
    private partial void LogFailed(string jobId, string errorCode, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed unexpectedly")]
    private partial void LogCrashed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of job {JobId} failed")]
    private partial void LogHeartbeatFailed(Exception exception, string jobId);
}
