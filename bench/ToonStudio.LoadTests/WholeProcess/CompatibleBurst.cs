using System.Diagnostics;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.LoadTests.WholeProcess;

/// <summary>
/// N requests at once to the earlier system's <c>POST /api/goods-gen/generate</c> (image bytes back). The earlier
/// system blocked its event loop and served them one after another; here all should finish in about one latency.
/// </summary>
public static class CompatibleBurst
{
    public static async Task<string> RunAsync(JobsClient client, int count, TimeSpan latency)
    {
        var total = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await Task.Yield();
            var watch = Stopwatch.StartNew();
            using var response = await client.GenerateGoodsCompatibleAsync($"cute mug, load {i}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var image = response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true && bytes.Length > 0;
            return (Ok: image, Seconds: watch.Elapsed.TotalSeconds, Status: (int)response.StatusCode);
        }));
        total.Stop();
        var times = runs.Select(r => r.Seconds).Order().ToArray();
        var refused = string.Join(", ", runs.Where(r => !r.Ok).GroupBy(r => r.Status).Select(g => $"{g.Count()}× HTTP {g.Key}"));
        return $"{runs.Count(r => r.Ok)}/{count} images{(refused.Length > 0 ? $" ({refused})" : "")}; all done in {total.Elapsed.TotalSeconds:F2} s = {total.Elapsed / latency:F2}× the provider latency; " +
            $"per request p50 {ConcurrentJobs.Percentile(times, 0.5):F2} s, max {times.Last():F2} s";
    }
}
