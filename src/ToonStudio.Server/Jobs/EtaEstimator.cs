using System.Collections.Concurrent;
using ToonStudio.Server.Core;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>ETA = median duration of the last 20 successful jobs of the same kind and engine, minus time already spent.</summary>
public sealed class EtaEstimator(IJobStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<(JobKind, string), (TimeSpan? Median, DateTimeOffset At)> _medians = new();

    public async Task<double?> SecondsLeftAsync(Job job, CancellationToken ct)
    {
        if (job.IsTerminal)
        {
            return null;
        }
        var median = await MedianAsync(job.Kind, job.Engine, ct);
        if (median is null)
        {
            return null;
        }
        var spent = job.StartedAt is { } started ? time.GetUtcNow() - started : TimeSpan.Zero;
        return Math.Round(Math.Max(0, (median.Value - spent).TotalSeconds), 1);
    }

    public async Task<TimeSpan?> MedianAsync(JobKind kind, string engine, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_medians.TryGetValue((kind, engine), out var cached) && now - cached.At < CacheFor)
        {
            return cached.Median;
        }
        var durations = await store.RecentDurationsAsync(kind, engine, 20, ct);
        TimeSpan? median = durations.Count == 0 ? null : durations.Order().ElementAt(durations.Count / 2);
        _medians[(kind, engine)] = (median, now);
        return median;
    }
}
