using ToonStudio.FakeProviders;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>
/// kill -9 of the real server with jobs in flight at the provider, then a restart on the same data folder: every job
/// completes and the provider saw each task submitted once (the task id was durable before the kill).
/// </summary>
public sealed class KillRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillHard_JobsInFlight_RestartCompletesEachJobWithOneSubmission()
    {
        var count = Scale.Pick(50, 200);
        using var folder = new TempFolder("kill");
        await using var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { Latency = TimeSpan.FromSeconds(Scale.Pick(6, 20)) });
        var settings = FakeSettings.For(fakes.Urls, folder.Sub("data"));
        settings["ToonStudio:Runner:Concurrency:replicate"] = (count * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = Guid.NewGuid().ToString("N")[..8];
        string Spec(int i) => $"tag={run}-{i}";

        var first = await ServerProcess.StartAsync(settings, Path.Combine(folder.Path, "first.log"));
        var jobs = new JobsClient(first.Http);
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await jobs.CreateAsync("ppl", $"holding a can [fake:{Spec(i)}]");
            return (await JobsClient.ReadJsonAsync(response.EnsureSuccessStatusCode())).GetProperty("id").GetString()!;
        }));
        await Wait.UntilAsync(() => Enumerable.Range(0, count).All(i => fakes.Counters(Spec(i)).Submissions == 1), TimeSpan.FromSeconds(60),
            () => $"every job submitted once at the provider ({Enumerable.Range(0, count).Count(i => fakes.Counters(Spec(i)).Submissions == 1)}/{count})");
        // Every task is at the provider. Wait until the server has stored every task id, then kill it mid-generation.
        var stored = 0;
        await Wait.UntilAsync(async () => (stored = (await Task.WhenAll(ids.Select(id => jobs.GetJobAsync(id)))).Count(j => j.TryGetProperty("providerTaskId", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String)) == count,
            TimeSpan.FromSeconds(30), () => $"every job to hold its provider task id ({stored}/{count})");
        first.KillHard();
        await first.DisposeAsync();

        await using var second = await ServerProcess.StartAsync(settings, Path.Combine(folder.Path, "second.log"));
        var done = await new JobsClient(second.Http).WaitTerminalAsync(ids, TimeSpan.FromMinutes(3));

        output.WriteLine($"{count} jobs; after restart: {string.Join(", ", done.Values.GroupBy(JobsClient.Status).Select(g => $"{g.Key}: {g.Count()}"))}; " +
            $"submissions per task: {string.Join(", ", Enumerable.Range(0, count).GroupBy(i => fakes.Counters(Spec(i)).Submissions).Select(g => $"{g.Key}×: {g.Count()}"))}");
        Assert.All(done.Values, job => Assert.Equal("succeeded", JobsClient.Status(job)));
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, fakes.Counters(Spec(i)).Submissions));
    }
}
