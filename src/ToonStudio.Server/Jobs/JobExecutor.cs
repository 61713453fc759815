using Microsoft.Extensions.Options;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Ops.Tracing;

namespace ToonStudio.Server.Jobs;

/// <summary>Runs one claimed job to a final state (or leaves it resumable), whatever the engine does.</summary>
public sealed partial class JobExecutor(
    IJobStore store,
    IJobEventBus bus,
    EngineRegistry engines,
    JobResultWriter results,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ToonStudioMetrics metrics,
    JobTraceLinks traces,
    ILogger<JobExecutor> logger)
{
    internal async Task ExecuteAsync(Job job, RunningJob running, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.Id, ["Engine"] = job.Engine });
        using var activity = traces.StartRun(job.Id, JobJson.KindName(job.Kind), job.Engine);
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
        var context = new EngineContext(job, store, bus, time, running);
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
                await context.ReportAsync("submitting", 0, linked.Token);
            }
            var result = await engine.GenerateAsync(inputs, context, linked.Token);
            await context.ReportAsync("storing", 0.95, linked.Token);
            // The image exists and may have cost money: store it even if the deadline passes meanwhile.
            var stored = await results.StoreAsync(context.Current, result, CancellationToken.None);
            await FinishAsync(stored, JobStatus.Succeeded, null, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await StoppedAsync(context.Current, running.Reason);
        }
        catch (ToonStudioException e)
        {
            var status = e.Code == ErrorCode.GenerationTimeout ? JobStatus.TimedOut : JobStatus.Failed;
            LogFailed(job.Id, e.Code, e.Detail);
            await FinishAsync(context.Current, status, e.Code, e.Detail);
        }
        catch (Exception e)
        {
            LogCrashed(e, job.Id);
            await FinishAsync(context.Current, JobStatus.Failed, ErrorCode.InternalError, null);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    private Task StoppedAsync(Job job, StopReason reason) => reason switch
    {
        StopReason.UserCancel => FinishAsync(job, JobStatus.Canceled, ErrorCode.Canceled, null),
        // Left running with no lease: the next claim (here after a restart, or another replica) resumes it.
        StopReason.Shutdown => store.RenewLeaseAsync(job.Id, options.Value.WorkerId, time.GetUtcNow() - TimeSpan.FromMilliseconds(1), CancellationToken.None),
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
        if (await store.UpdateAsync(final, CancellationToken.None))
        {
            LogFinished(job.Id, JobJson.StatusName(status), code, (now - (job.StartedAt ?? job.CreatedAt)).TotalMilliseconds);
            metrics.JobCompleted(job.Kind, job.Engine, status, now - job.CreatedAt);
            ToonStudioActivities.RecordOutcome(JobJson.StatusName(status), code);
            await bus.PublishChangedAsync(job.Id, CancellationToken.None);
        }
    }

    private async Task HeartbeatAsync(Job job, RunningJob running, CancellationToken ct)
    {
        var every = options.Value.Lease / 3;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(every, time, ct);
                if (!await store.RenewLeaseAsync(job.Id, options.Value.WorkerId, time.GetUtcNow() + options.Value.Lease, ct))
                {
                    running.Stop(StopReason.LeaseLost);
                    return;
                }
                if ((await store.GetAsync(job.Id, ct))?.CancelRequested == true)
                {
                    running.Stop(StopReason.UserCancel);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
        catch (Exception e)
        {
            // A failed heartbeat is not a failed job: the lease simply runs out if the store stays away.
            LogHeartbeatFailed(e, job.Id);
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
