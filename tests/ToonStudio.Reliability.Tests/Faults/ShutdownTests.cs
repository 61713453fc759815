using ToonStudio.FakeProviders;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>
/// SIGTERM with jobs in flight: the process exits within 30 s (Kubernetes' default grace), short jobs finish, long
/// ones are left resumable and complete after a restart without a second submission, and every request that was
/// open when the signal came gets a whole HTTP answer — never a reset.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Terminate_JobsInFlight_ExitsInTimeAnswersEveryRequestAndResumesTheRest()
    {
        var (shortCount, longCount) = (Scale.Pick(10, 40), Scale.Pick(10, 40));
        var longLatency = Scale.Pick(TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(40));
        using var folder = new TempFolder("sigterm");
        await using var fakes = await FakeProvidersHost.StartAsync();
        var settings = FakeSettings.For(fakes.Urls, folder.Sub("data"));
        settings["ToonStudio:Runner:Concurrency:replicate"] = "200";
        settings["ToonStudio:Runner:ShutdownGrace"] = Scale.Pick(TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(20)).ToString();
        var run = Guid.NewGuid().ToString("N")[..8];
        string ShortSpec(int i) => $"latency=2000 tag={run}-s{i}";
        string LongSpec(int i) => $"latency={(int)longLatency.TotalMilliseconds} tag={run}-l{i}";

        var first = await ServerProcess.StartAsync(settings, Path.Combine(folder.Path, "first.log"));
        var jobs = new JobsClient(first.Http);
        // Held open across the signal: compatible requests (image bytes at the end) on short and long jobs.
        var shortRequests = Enumerable.Range(0, shortCount).Select(i => Answer(jobs.GenerateGoodsCompatibleAsync($"mug [fake:{ShortSpec(i)}]"))).ToList();
        var longRequests = Enumerable.Range(0, longCount / 2).Select(i => Answer(jobs.GenerateGoodsCompatibleAsync($"mug [fake:{LongSpec(i)}]"))).ToList();
        var longIds = new List<string>();
        for (var i = longCount / 2; i < longCount; i++)
        {
            using var response = await jobs.CreateAsync("ppl", $"holding a can [fake:{LongSpec(i)}]");
            longIds.Add((await JobsClient.ReadJsonAsync(response.EnsureSuccessStatusCode())).GetProperty("id").GetString()!);
        }
        // And a UI following a long job over Server-Sent Events.
        var stream = Answer(first.Http.GetAsync($"api/v1/jobs/{longIds[0]}/events", HttpCompletionOption.ResponseHeadersRead));
        await Wait.UntilAsync(() => Enumerable.Range(0, shortCount).All(i => fakes.Counters(ShortSpec(i)).Submissions == 1)
            && Enumerable.Range(0, longCount).All(i => fakes.Counters(LongSpec(i)).Submissions == 1), TimeSpan.FromSeconds(60),
            () => $"every job submitted once at the provider (short: {Enumerable.Range(0, shortCount).Count(i => fakes.Counters(ShortSpec(i)).Submissions == 1)}/{shortCount}, " +
                $"long: {Enumerable.Range(0, longCount).Count(i => fakes.Counters(LongSpec(i)).Submissions == 1)}/{longCount})");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exited = await first.TerminateAsync(TimeSpan.FromSeconds(30));
        clock.Stop();
        var shortAnswers = await Task.WhenAll(shortRequests);
        var longAnswers = await Task.WhenAll(longRequests);
        var streamAnswer = await stream;
        output.WriteLine($"exited: {exited} after {clock.Elapsed.TotalSeconds:F1} s; short: {Summary(shortAnswers)}; long: {Summary(longAnswers)}; event stream: {streamAnswer}");
        await first.DisposeAsync();

        Assert.True(exited, "the server did not exit within 30 s of SIGTERM");
        Assert.All(shortAnswers, a => Assert.Equal("200", a));
        // Still running at the provider when the grace ran out: a whole 504 that names the job to find it again.
        Assert.All(longAnswers, a => Assert.Equal("504 generation_timeout X-Job-Id", a));
        Assert.Equal("200", streamAnswer);

        await using var second = await ServerProcess.StartAsync(settings, Path.Combine(folder.Path, "second.log"));
        var done = await new JobsClient(second.Http).WaitTerminalAsync(longIds, longLatency + TimeSpan.FromSeconds(60));
        Assert.All(done.Values, job => Assert.Equal("succeeded", JobsClient.Status(job)));
        Assert.All(Enumerable.Range(0, longCount), i => Assert.Equal(1, fakes.Counters(LongSpec(i)).Submissions));
    }

    /// <summary>The status code of a whole answer (with the problem's code and whether X-Job-Id came for an error), or "reset: …" when the connection broke before one arrived.</summary>
    private static async Task<string> Answer(Task<HttpResponseMessage> request)
    {
        try
        {
            using var response = await request;
            var body = await response.Content.ReadAsByteArrayAsync();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.IsSuccessStatusCode)
            {
                return status;
            }
            var code = System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : "(no code)";
            return response.Headers.TryGetValues("X-Job-Id", out var id) && id.Single().Length > 0 ? $"{status} {code} X-Job-Id" : $"{status} {code} without X-Job-Id";
        }
        catch (HttpRequestException e)
        {
            return $"reset: {e.HttpRequestError} {e.Message}";
        }
        catch (IOException e)
        {
            return $"reset: {e.Message}";
        }
    }

    private static string Summary(IEnumerable<string> answers) => string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Key} ×{g.Count()}"));

}
