using Microsoft.Extensions.Options;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>Deletes finished jobs and their files once <see cref="RetentionOptions.Retention"/> has passed.</summary>
public sealed partial class JobRetentionService(IJobStore store, IBlobStore blobs, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<JobRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(e);
                await Task.Delay(Every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var deleted = 0;
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        IReadOnlyList<string> ids;
        do
        {
            ids = await store.ListExpiredAsync(cutoff, 200, ct);
            foreach (var id in ids)
            {
                await blobs.DeletePrefixAsync(JobBlobs.Prefix(id), ct);
                await store.DeleteAsync(id, ct);
                deleted++;
            }
        }
        while (ids.Count == 200);
        if (deleted > 0)
        {
            LogSwept(deleted);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {Count} job(s)")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention sweep failed")]
    private partial void LogSweepFailed(Exception exception);
}
