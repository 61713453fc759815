using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Tests.Engines.Support;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Engines.EndToEnd;

public sealed class RemoteEnginesLoadAndRestartTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task CreateGoodsJob_ThirtyConcurrentOnKontextMax_AllSucceedAndNo429ReachesAnyone()
    {
        using var app = new ToonStudioApplication(EngineHarness.Settings(fakes, new Dictionary<string, string?> { ["ToonStudio:Bfl:MaxPolls"] = "100" }));
        using var client = app.CreateClient();
        var (marker, counters) = fakes.Scenario("polls=3");
        var rejectionsBefore = fakes.Host.State.BflCapRejections;

        var posts = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ =>
            client.PostAsync("/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "bfl", ["prompt"] = marker }))));
        var ids = new List<string>();
        foreach (var post in posts)
        {
            Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
            ids.Add((await post.JsonAsync()).Str("id"));
            post.Dispose();
        }
        var jobs = await Task.WhenAll(ids.Select(id => client.WaitForJobAsync(id)));

        Assert.All(jobs, j => Assert.Equal("succeeded", j.Str("status")));
        Assert.Equal(30, counters.Submissions);
        Assert.Equal(30, counters.SubmitAttempts);
        Assert.Equal(rejectionsBefore, fakes.Host.State.BflCapRejections);
        Assert.InRange(fakes.Host.State.PeakActiveKontextMax, 1, 6);
    }

    [Theory]
    [InlineData("replicate")]
    [InlineData("bfl")]
    public async Task RunningJob_ServerRestartsAfterProviderAccepted_CompletesWithOneSubmission(string engine)
    {
        var settings = EngineHarness.Settings(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Replicate:PollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPollInterval"] = "00:00:00.020",
            ["ToonStudio:Bfl:PollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPolls"] = "500",
            ["ToonStudio:Bfl:MaxPolls"] = "500",
        });
        var (marker, counters) = fakes.Scenario("polls=60");
        string id;
        // Shared by both "processes"; the first must not delete it when it stops.
        var dataPath = Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
        using (var first = new ToonStudioApplication(settings, dataPath: dataPath))
        {
            using var client = first.CreateClient();
            using var post = await client.PostAsync("/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = engine, ["prompt"] = marker }));
            id = (await post.JsonAsync()).Str("id");
            var accepted = await client.WaitForJobAsync(id, j => j["providerTaskId"] is not null || j.Str("status") is "succeeded" or "failed");
            Assert.Equal("running", accepted.Str("status"));
        }
        var pollsBeforeRestart = counters.Polls;
        try
        {
            using var second = new ToonStudioApplication(settings, dataPath: dataPath);
            using var client = second.CreateClient();

            var job = await client.WaitForJobAsync(id);

            Assert.Equal("succeeded", job.Str("status"));
            Assert.Equal(1, counters.Submissions);
            Assert.Equal(0, counters.Cancels);
            Assert.True(counters.Polls > pollsBeforeRestart);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task GeneratePpl_DeadlinePassesWhilePolling_Answers504AndCancelsAtReplicate()
    {
        // The deadline, the poll interval and the wait of the request all run on this clock: the deadline passes when
        // the test says so, after the prediction is accepted, never because the machine was slow.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", CultureInfo.InvariantCulture));
        using var app = new ToonStudioApplication(EngineHarness.Settings(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Generation:Timeout"] = "00:02:00",
            ["ToonStudio:Replicate:PreferWait"] = "00:00:00",
            ["ToonStudio:Replicate:PollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPolls"] = "1000",
        }), ToonStudioApplication.WithTime(time));
        using var client = app.CreateClient();
        var (marker, counters) = fakes.Scenario("end=stuck");

        var pending = client.PostAsync("/api/ppl-gen/generate",
            Forms.Ppl(prompt: marker, fields: new Dictionary<string, string?> { ["engine"] = "replicate" }));
        await Wait.UntilAsync(async () => await AcceptedJobAsync(client) is not null, TimeSpan.FromSeconds(30),
            () => $"the job to hold the prediction id (submissions: {counters.Submissions})");
        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.GatewayTimeout, body.ToJsonString());
        Assert.Equal("generation_timeout", body.Str("code"));
        var job = await client.WaitForJobAsync(response.Headers.GetValues("X-Job-Id").Single());
        Assert.Equal("timed_out", job.Str("status"));
        // The cancel is best effort and may reach the fake just after the job's final row (the 2 min jump also ends
        // the lease, so the job can be closed by a second claim while the first run is still sending it): wait for it.
        await Wait.UntilAsync(() => counters.Cancels >= 1, TimeSpan.FromSeconds(30),
            () => $"the cancel to reach Replicate (cancels: {counters.Cancels})");
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(1, counters.Cancels);
    }

    /// <summary>The newest job once the engine has stored its prediction id, else null.</summary>
    private static async Task<JsonObject?> AcceptedJobAsync(HttpClient client)
    {
        var jobs = (await client.GetFromJsonAsync<JsonObject>("/api/v1/jobs"))?["items"]?.AsArray();
        return jobs?.OfType<JsonObject>().FirstOrDefault(j => j["providerTaskId"] is not null);
    }
}
