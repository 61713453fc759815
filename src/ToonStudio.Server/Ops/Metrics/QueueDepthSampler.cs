using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Ops.Metrics;

/// <summary>
/// Feeds <c>toonstudio_queue_depth</c>: counting rows is a store query, so it is sampled on a timer instead of
/// inside the scrape callback (which is synchronous and must not block on I/O).
/// </summary>
internal sealed partial class QueueDepthSampler(
    IJobStore store,
    ToonStudioMetrics metrics,
    Microsoft.Extensions.Options.IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueDepthInterval, time);
        do
        {
            try
            {
                metrics.SetQueueDepth(await store.CountAsync(JobStatus.Queued, stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSampleFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queue depth from the job store")]
    private static partial void LogSampleFailed(ILogger logger, Exception ex);
}
