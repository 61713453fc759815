using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>
/// Claims jobs from the store and runs them, at most <see cref="RunnerOptions.Concurrency"/> per engine.
/// Jobs are rows, not closures: whatever this process loses (crash, kill -9), another claim resumes.
/// </summary>
public sealed partial class JobRunner(
    IJobStore store,
    IJobEventBus bus,
    JobExecutor executor,
    EngineRegistry engines,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ToonStudioMetrics metrics,
    ShutdownClock shutdown,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, RunningJob> _running = new();
    private long _claims;
    private readonly Dictionary<string, SemaphoreSlim> _slots = engines.All.ToDictionary(
        e => e.Name, e => new SemaphoreSlim(options.Value.ConcurrencyOf(e.Name)), StringComparer.OrdinalIgnoreCase);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.IsExclusive)
        {
            var released = await store.ReleaseAllLeasesAsync(stoppingToken);
            if (released > 0)
            {
                LogResuming(released);
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await TryStartOneAsync(stoppingToken))
                {
                    await bus.WaitForWorkAsync(options.Value.IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The loop must outlive a store hiccup (disk full, database restart): log, back off, go on.
                LogLoopFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<bool> TryStartOneAsync(CancellationToken stoppingToken)
    {
        var free = _slots.Where(s => s.Value.CurrentCount > 0).Select(s => s.Key).ToList();
        if (free.Count == 0)
        {
            return false;
        }
        // One owner per claim, not per process: if this process ever re-claims its own overrun job, the old
        // run's lease-guarded writes fail and it stops, instead of two runs sharing one lease.
        var owner = $"{options.Value.WorkerId}#{Interlocked.Increment(ref _claims)}";
        var job = await store.TryClaimAsync(owner, free, time.GetUtcNow(), options.Value.Lease, stoppingToken);
        if (job is null)
        {
            return false;
        }
        if (_running.TryGetValue(job.Id, out var previous))
        {
            previous.Stop(StopReason.LeaseLost);
            await previous.Completion.WaitAsync(TimeSpan.FromSeconds(10), time, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        var slot = _slots[job.Engine];
        await slot.WaitAsync(stoppingToken);
        var running = new RunningJob();
        _running[job.Id] = running;
        running.Completion = RunAsync(job, running, slot);
        return true;
    }

    private async Task RunAsync(Job job, RunningJob running, SemaphoreSlim slot)
    {
        await Task.Yield();
        metrics.JobRunStarted(job.Kind, job.Engine, (job.StartedAt ?? job.CreatedAt) - job.CreatedAt);
        try
        {
            await executor.ExecuteAsync(job, running, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogJobCrashed(e, job.Id);
        }
        finally
        {
            metrics.JobRunEnded(job.Kind, job.Engine);
            _running.TryRemove(new KeyValuePair<string, RunningJob>(job.Id, running));
            running.Dispose();
            slot.Release();
            await bus.PublishQueuedAsync(CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var all = _running.Values.ToList();
        if (all.Count == 0)
        {
            return;
        }
        LogDraining(all.Count, options.Value.ShutdownGrace);
        var finished = Task.WhenAll(all.Select(r => r.Completion));
        // The grace counts from SIGTERM, not from here: Kestrel has drained its requests first (see ShutdownClock).
        await Task.WhenAny(finished, Task.Delay(shutdown.Left(options.Value.ShutdownGrace), time, cancellationToken)).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var running in _running.Values)
        {
            running.Stop(StopReason.Shutdown);
        }
        await Task.WhenAny(finished, Task.Delay(TimeSpan.FromSeconds(5), time, CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming {Count} job(s) left running by an earlier process")]
    private partial void LogResuming(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job runner loop failed; retrying")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} crashed outside its own error handling")]
    private partial void LogJobCrashed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting up to {Grace} for {Count} running job(s)")]
    private partial void LogDraining(int count, TimeSpan grace);
}
