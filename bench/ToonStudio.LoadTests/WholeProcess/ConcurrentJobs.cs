using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.LoadTests.WholeProcess;

/// <summary>
/// N jobs at once through <c>POST /api/v1/ppl</c> with <c>Prefer: wait=60</c>: each answer is the finished job, so
/// the client's wall time covers upload, intake, store, claim, provider call, download, storing and the answer.
/// Overhead = wall time − the provider's fixed latency, split by the job's own timestamps (same clock, same machine).
/// </summary>
public static class ConcurrentJobs
{
    public sealed record Result(int Count, int Succeeded, TimeSpan Elapsed, string SomeJobId, string Overhead, string Breakdown)
    {
        public string Summary => $"{Succeeded}/{Count} succeeded in {Elapsed.TotalSeconds:F1} s; overhead per job {Overhead}; {Breakdown}";
    }

    public static async Task<Result> RunAsync(JobsClient client, int count, TimeSpan latency)
    {
        var total = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await Task.Yield();
            var sent = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            using var response = await client.CreateAsync("ppl", $"holding a can, load {i}", preferWait: 60);
            var job = await JobsClient.ReadJsonAsync(response);
            watch.Stop();
            var received = DateTimeOffset.UtcNow;
            var ok = response.StatusCode == HttpStatusCode.OK && JobsClient.Status(job) == "succeeded";
            return new Run(ok, watch.Elapsed - latency, ok ? Split(job, sent, received, latency) : default, job.TryGetProperty("id", out var id) ? id.GetString() : null);
        }));
        total.Stop();
        var good = runs.Where(r => r.Ok).ToArray();
        string P(Func<Run, TimeSpan> pick)
        {
            var sorted = good.Select(r => pick(r).TotalMilliseconds).Order().ToArray();
            return $"p50 {Percentile(sorted, 0.50):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms";
        }
        return new Result(count, good.Length, total.Elapsed, good.First().Id!, $"{P(r => r.Overhead)}, max {good.Max(r => r.Overhead.TotalMilliseconds):F1} ms",
            $"job (created → completed) − provider {P(r => r.Parts.Queue + r.Parts.Run)}; upload+intake {P(r => r.Parts.Intake)}; queue {P(r => r.Parts.Queue)}; run − provider {P(r => r.Parts.Run)}; answer {P(r => r.Parts.Answer)}");
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Parts Split(JsonElement job, DateTimeOffset sent, DateTimeOffset received, TimeSpan latency)
    {
        var created = job.GetProperty("createdAt").GetDateTimeOffset();
        var started = job.GetProperty("startedAt").GetDateTimeOffset();
        var completed = job.GetProperty("completedAt").GetDateTimeOffset();
        return new Parts(created - sent, started - created, completed - started - latency, received - completed);
    }

    private readonly record struct Parts(TimeSpan Intake, TimeSpan Queue, TimeSpan Run, TimeSpan Answer);

    private readonly record struct Run(bool Ok, TimeSpan Overhead, Parts Parts, string? Id);
}
