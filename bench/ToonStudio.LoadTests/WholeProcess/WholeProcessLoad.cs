using ToonStudio.FakeProviders;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.LoadTests.WholeProcess;

/// <summary>
/// <c>dotnet run -c Release --project bench/ToonStudio.LoadTests -- process [jobs] [compatible]</c>: the real server
/// process against the in-process fakes with a fixed 2 s provider latency, loopback only, bounded counts. Prints the
/// figures of docs/benchmarks.md "Load (whole process)".
/// </summary>
public static class WholeProcessLoad
{
    public static readonly TimeSpan ProviderLatency = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(int jobs, int compatible)
    {
        var data = Directory.CreateTempSubdirectory("toonstudio-load-");
        try
        {
            // One result drawn up front and returned for every task: the fakes share the machine, and their drawing
            // (decode, compose, PNG encode per task) would otherwise be counted as the service's overhead.
            var output = FakeImages.Render([TestImages.Character, TestImages.Product], "load", "1:1", "png", 512);
            await using var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { Latency = ProviderLatency, FixedOutput = output });
            var settings = FakeSettings.For(fakes.Urls, Path.Combine(data.FullName, "data"));
            // Sync mode: the provider answers the instant the image is ready, so wall time − 2 s is what the service adds
            // (in the default polling mode add up to one poll interval, a protocol cost rather than the service's).
            settings["ToonStudio:Replicate:PreferWait"] = "00:01:00";
            // The driver stands for many studios from one loopback address; the per-client bucket (600 at once) would
            // refuse the tail of 720 generation requests with 429 rate_limited — the limiter has its own tests.
            settings["ToonStudio:RateLimit:Enabled"] = "false";
            settings["ToonStudio:Runner:Concurrency:replicate"] = Math.Max(jobs, compatible).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using var server = await ServerProcess.StartAsync(settings, Path.Combine(data.FullName, "server.log"));
            Console.WriteLine($"server pid {server.Pid}, {server.BaseUrl}, provider latency {ProviderLatency.TotalSeconds} s (fake), load {File.ReadAllText("/proc/loadavg").Trim()}");
            var client = new JobsClient(server.Http);

            var warmup = await ConcurrentJobs.RunAsync(client, 20, ProviderLatency);
            Console.WriteLine($"warm-up: {warmup.Summary}");
            var run = await ConcurrentJobs.RunAsync(client, jobs, ProviderLatency);
            Console.WriteLine($"{jobs} concurrent jobs: {run.Summary}; peak RSS (VmHWM) {server.PeakRssBytes() / 1048576.0:F0} MB");

            var compat = await CompatibleBurst.RunAsync(client, compatible, ProviderLatency);
            Console.WriteLine($"{compatible} concurrent POST /api/goods-gen/generate: {compat}");

            var serving = await ResultServing.RunAsync(server.Http, run.SomeJobId, data.FullName);
            Console.WriteLine(serving);
            Console.WriteLine($"peak RSS over the whole run (VmHWM) {server.PeakRssBytes() / 1048576.0:F0} MB; load {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
