using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Coverage;

/// <summary>Edges of the jobs API: SSE (unknown id, deleted job, reconnect, keep-alive), list filters, ranges, the Prefer: wait cap, idempotency.</summary>
public sealed class JobsApiEdgeTests
{
    private static async Task<string> CreateAsync(HttpClient client, string path = "/api/v1/goods")
    {
        using var response = await client.PostAsync(path, path.EndsWith("ppl", StringComparison.Ordinal) ? Forms.Ppl() : Forms.Goods());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }

    /// <summary>Reads one SSE stream to its end: (id, event, data) of each event, and the comment lines.</summary>
    private static async Task<(List<(int Id, string Event, JsonObject Data)> Events, List<string> Comments)> ReadStreamAsync(
        HttpClient client, string id, string? lastEventId = null, Func<List<string>, bool>? stopWhen = null, Func<JsonObject, Task>? onEvent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/events");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(int, string, JsonObject)>();
        var comments = new List<string>();
        int? eventId = null;
        string? name = null;
        string? line;
        while ((line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
        {
            if (line.StartsWith(':'))
            {
                comments.Add(line);
                if (stopWhen?.Invoke(comments) == true)
                {
                    break;
                }
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                eventId = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var data = JsonNode.Parse(line[6..])!.AsObject();
                events.Add((eventId ?? -1, name ?? "message", data));
                if (onEvent is not null)
                {
                    await onEvent(data);
                }
            }
        }
        return (events, comments);
    }

    [Fact]
    public async Task Events_UnknownOrMalformedId_Answers404Problem()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();

        using var unknown = await client.GetAsync($"/api/v1/jobs/{JobIds.New()}/events");
        using var malformed = await client.GetAsync("/api/v1/jobs/not-an-id/events");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await unknown.JsonAsync()).Str("code"));
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task Events_JobDeletedWhileFollowed_EndsTheStreamWithACanceledEvent()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = await CreateAsync(client);
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var deleted = false;
        // Delete once the stream has sent its first event (the job running): the deletion then reaches a live stream.
        var (events, _) = await ReadStreamAsync(client, id, onEvent: async job =>
        {
            if (!deleted)
            {
                Assert.Equal("running", job.Str("status"));
                using var delete = await client.DeleteAsync($"/api/v1/jobs/{id}");
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
                deleted = true;
            }
        });

        Assert.True(deleted);
        Assert.True(events.Count >= 2, $"Expected the running event and a final one, got {events.Count}.");
        Assert.All(events, e => Assert.Equal("job", e.Event));
        Assert.Equal("canceled", events[^1].Data.Str("status"));
        Assert.Equal(id, events[^1].Data.Str("id"));
    }

    [Fact]
    public async Task Events_ReconnectWithLastEventId_ResumesNumberingAndSendsTheCurrentState()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();
        var id = await CreateAsync(client);
        await client.WaitForJobAsync(id);

        var (fresh, _) = await ReadStreamAsync(client, id);
        var (resumed, _) = await ReadStreamAsync(client, id, lastEventId: "7");

        var only = Assert.Single(fresh);
        Assert.Equal(1, only.Id);
        var again = Assert.Single(resumed);
        // The ids go on from the one the EventSource saw last, so they never repeat within one EventSource.
        Assert.Equal(8, again.Id);
        Assert.Equal("succeeded", again.Data.Str("status"));
        Assert.Equal(only.Data.ToJsonString(), again.Data.ToJsonString());
    }

    [Fact]
    public async Task Events_QuietJob_GetsAKeepAliveComment()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = await CreateAsync(client);
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The keep-alive interval is 15 s of the event bus's own (real) wait: the one test here that waits for it.
        var (events, comments) = await ReadStreamAsync(client, id, stopWhen: c => c.Count > 0);
        engine.Release.SetResult();

        Assert.Equal(": keep-alive", Assert.Single(comments));
        Assert.Equal("running", Assert.Single(events).Data.Str("status"));
    }

    [Theory]
    [InlineData("kind=poster", "kind")]
    [InlineData("status=done", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    public async Task ListJobs_InvalidParameter_Answers400NamingTheField(string query, string field)
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/v1/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("invalid_parameter", problem.Str("code"));
        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task ListJobs_FiltersByStatusKindAndBatch()
    {
        var engine = new ControlledEngine("local");
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Runner:Concurrency:local"] = "1" }, ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var running = await CreateAsync(client, "/api/v1/ppl");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = await CreateAsync(client);
        using var batchForm = Forms.Goods(goodsType: "mug");
        batchForm.Add(new StringContent("poster"), "goods_type");
        using var batch = await client.PostAsync("/api/v1/goods/batch", batchForm);
        var batchJson = await batch.JsonAsync();
        var batchId = batchJson.Str("batchId");
        var batchJobs = batchJson["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>()).ToHashSet();

        async Task<List<string>> Ids(string q) =>
            [.. (await (await client.GetAsync($"/api/v1/jobs?{q}")).JsonAsync())["items"]!.AsArray().Select(j => j!["id"]!.GetValue<string>())];

        Assert.Equal([running], await Ids("status=running"));
        Assert.Equal([running], await Ids("kind=ppl"));
        Assert.DoesNotContain(running, await Ids("kind=goods"));
        Assert.Contains(queued, await Ids("status=queued&kind=goods"));
        Assert.Equal(batchJobs, (await Ids($"batch={batchId}")).ToHashSet());
        Assert.Equal(2, batchJobs.Count);
        Assert.Empty(await Ids("status=succeeded"));
        engine.Release.SetResult();
    }

    [Fact]
    public async Task Result_RangeRequests_Answer206WithTheSlice_And416OutsideTheFile()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();
        var id = await CreateAsync(client);
        await client.WaitForJobAsync(id);
        var whole = await client.GetByteArrayAsync($"/api/v1/jobs/{id}/result");

        using var slice = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/result");
        slice.Headers.Range = new RangeHeaderValue(0, 7);
        using var partial = await client.SendAsync(slice);
        using var tail = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/result");
        tail.Headers.Range = new RangeHeaderValue(null, 4);
        using var last = await client.SendAsync(tail);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/result");
        beyond.Headers.Range = new RangeHeaderValue(whole.Length + 10, whole.Length + 20);
        using var unsatisfiable = await client.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[..8], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 0-7/{whole.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(whole[^4..], await last.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal($"bytes */{whole.Length}", unsatisfiable.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task PreferWait_LongerThanTheMaximum_IsCappedAndAnswers202WithTheRunningJob()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(
            new Dictionary<string, string?> { ["ToonStudio:Generation:MaxPreferWait"] = "00:00:05", ["ToonStudio:Generation:Timeout"] = "00:10:00" },
            ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), ToonStudioApplication.WithTime(time)));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = Forms.Goods() };
        request.Headers.Add("Prefer", "wait=3600");

        var start = time.GetUtcNow();
        var sending = client.SendAsync(request);
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(sending.IsCompleted, "Prefer: wait answered before its wait was over.");
        // One fake second per step until it answers: the waiter re-reads the fake clock at least every (real) second.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!sending.IsCompleted)
        {
            Assert.False(timeout.IsCancellationRequested, "Prefer: wait never answered.");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(sending, Task.Delay(100, timeout.Token));
        }
        using var response = await sending;
        var waited = time.GetUtcNow() - start;
        engine.Release.SetResult();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("wait=5", response.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal("running", (await response.JsonAsync()).Str("status"));
        // Held for the 5 s cap on the fake clock, nowhere near the hour it asked for.
        Assert.InRange(waited, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task Idempotency_OnTheBatchEndpoint_SameKeyReturnsTheSameJobs()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var image = TestImages.Png();

        async Task<JsonObject> PostAsync()
        {
            var form = Forms.Goods(character: image, goodsType: "mug");
            form.Add(new StringContent("poster"), "goods_type");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods/batch") { Content = form };
            request.Headers.Add("Idempotency-Key", "batch-key-1");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return await response.JsonAsync();
        }

        var first = await PostAsync();
        var second = await PostAsync();
        engine.Release.SetResult();

        static List<string> Ids(JsonObject batch) => [.. batch["jobs"]!.AsArray().Select(j => j!["id"]!.GetValue<string>())];
        Assert.Equal(2, Ids(first).Count);
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(first.Str("batchId"), second.Str("batchId"));
        foreach (var id in Ids(first))
        {
            await client.WaitForJobAsync(id);
        }
        Assert.Equal(2, engine.Calls);
        var listed = (await (await client.GetAsync("/api/v1/jobs")).JsonAsync())["items"]!.AsArray();
        Assert.Equal(2, listed.Count);
    }

    [Theory]
    [InlineData("/api/ppl-gen/generate")]
    [InlineData("/api/goods-gen/generate")]
    public async Task Idempotency_OnTheEarlierEndpoints_SameKeyGeneratesOnce(string path)
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();
        var character = TestImages.Png();
        var product = TestImages.Png(200, 200);

        async Task<(HttpStatusCode Status, byte[] Body, string? JobId)> PostAsync()
        {
            var form = path.Contains("ppl", StringComparison.Ordinal) ? Forms.Ppl(character, product) : Forms.Goods(character);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
            request.Headers.Add("Idempotency-Key", "earlier-key-1");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(),
                response.Headers.TryGetValues("X-Job-Id", out var ids) ? ids.Single() : null);
        }

        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotNull(first.JobId);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Equal(first.Body, second.Body);
        var listed = (await (await client.GetAsync("/api/v1/jobs")).JsonAsync())["items"]!.AsArray();
        Assert.Single(listed);
    }
}
