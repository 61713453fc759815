using System.Net;
using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders.Tests;

/// <summary>The fake Replicate API behaves as documented: auth, validation, the poll lifecycle, faults, Prefer: wait, expiry.</summary>
public sealed class ReplicateFakeTests : IAsyncLifetime
{
    private const string Pro = "black-forest-labs/flux-kontext-pro";
    private const string Multi = "flux-kontext-apps/multi-image-kontext-pro";
    private FakesClient _fakes = null!;

    public async Task InitializeAsync() => _fakes = await FakesClient.StartAsync();

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    private static JsonObject Body(string prompt, Action<JsonObject>? input = null)
    {
        var i = new JsonObject { ["prompt"] = prompt, ["output_format"] = "png" };
        input?.Invoke(i);
        return new JsonObject { ["input"] = i };
    }

    [Theory]
    [InlineData(null)]
    [InlineData("r8_someone_elses_token")]
    public async Task Create_WithoutTheAcceptedToken_Is401Unauthenticated(string? token)
    {
        var (marker, counters) = _fakes.Scenario("");

        using var response = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await FakesClient.JsonAsync(response);
        Assert.Equal("Unauthenticated", json["title"]?.GetValue<string>());
        Assert.Equal(0, counters.Submissions);
        Assert.Empty(_fakes.Host.State.Predictions);
    }

    [Fact]
    public async Task Create_ForAnUnknownModel_Is404()
    {
        using var response = await _fakes.ReplicateCreateAsync("someone/not-a-model", Body("a cat"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The requested resource could not be found.", (await FakesClient.JsonAsync(response))["detail"]?.GetValue<string>());
    }

    [Fact]
    public async Task Create_WithABodyThatIsNotJson_Is400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FakeUrls.Join(_fakes.Urls.ReplicateApi, $"v1/models/{Pro}/predictions"))
        {
            Content = new StringContent("{\"input\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", FakesClient.Token);

        using var response = await _fakes.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Failed to parse request body as JSON", (await FakesClient.JsonAsync(response))["detail"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithInvalidInputs_Is422NamingEveryField()
    {
        var body = Body("a cat", i =>
        {
            i["output_format"] = "webp";
            i["aspect_ratio"] = "7:3";
            i["safety_tolerance"] = 3;
        });
        body["extra"] = true;

        using var response = await _fakes.ReplicateCreateAsync(Multi, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var json = await FakesClient.JsonAsync(response);
        Assert.Equal("Input validation failed", json["title"]?.GetValue<string>());
        var fields = json["invalid_fields"]!.AsArray().Select(f => (f!["type"]!.GetValue<string>(), f["field"]!.GetValue<string>(), f["description"]!.GetValue<string>())).ToList();
        Assert.Contains(("additional_property_not_allowed", "extra", "Additional property extra is not allowed"), fields);
        Assert.Contains(fields, f => f.Item2 == "input.output_format" && f.Item1 == "enum");
        Assert.Contains(fields, f => f.Item2 == "input.aspect_ratio" && f.Item1 == "enum");
        // The multi-image models allow at most 2 and need both images.
        Assert.Contains(("number_lte", "input.safety_tolerance", "Must be less than or equal to 2"), fields);
        Assert.Contains(("required", "input", "input_image_1 is required"), fields);
        Assert.Contains(("required", "input", "input_image_2 is required"), fields);
        Assert.Empty(_fakes.Host.State.Predictions);
    }

    [Fact]
    public async Task Prediction_MovesStartingProcessingSucceeded_OnePollAtATime_AndItsOutputDownloads()
    {
        var (marker, counters) = _fakes.Scenario("polls=2");

        using var created = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}", i => i["aspect_ratio"] = "16:9"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await FakesClient.JsonAsync(created);
        var id = json["id"]!.GetValue<string>();
        Assert.Equal("starting", json["status"]?.GetValue<string>());
        Assert.Equal(json["urls"]!["get"]!.GetValue<string>(), created.Headers.Location?.ToString());

        using var first = await _fakes.ReplicateGetAsync(id);
        Assert.Equal("processing", (await FakesClient.JsonAsync(first))["status"]?.GetValue<string>());
        using var second = await _fakes.ReplicateGetAsync(id);
        var done = await FakesClient.JsonAsync(second);
        Assert.Equal("succeeded", done["status"]?.GetValue<string>());
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(2, counters.Polls);

        var output = done["output"]!.GetValue<string>();
        Assert.StartsWith(_fakes.Urls.ReplicateFiles.ToString().TrimEnd('/'), output, StringComparison.Ordinal);
        using var image = await _fakes.Http.GetAsync(output);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // 16:9 at a 64 px longest edge.
        Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(36, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Equal(1, counters.Downloads);
    }

    [Fact]
    public async Task Poll_WithoutToken_Is401_AndAnUnknownId_Is404()
    {
        using var created = await _fakes.ReplicateCreateAsync(Pro, Body("a cat"));
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();

        using var anonymous = await _fakes.ReplicateGetAsync(id, token: null);
        using var unknown = await _fakes.ReplicateGetAsync("nosuchprediction");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("e005", "failed", ReplicateErrors.E005)]
    [InlineData("failed", "failed", "Prediction interrupted; please retry (code: PA)")]
    [InlineData("canceled", "canceled", null)]
    public async Task Prediction_EndsTheWayItsScenarioSays(string end, string status, string? error)
    {
        var (marker, _) = _fakes.Scenario($"end={end} polls=1");
        using var created = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();

        using var polled = await _fakes.ReplicateGetAsync(id);
        var json = await FakesClient.JsonAsync(polled);

        Assert.Equal(status, json["status"]?.GetValue<string>());
        Assert.Equal(error, json["error"]?.GetValue<string>());
        Assert.Null(json["output"]);
        Assert.NotNull(json["completed_at"]);
    }

    [Fact]
    public async Task Cancel_StopsARunningPrediction_AndLaterPollsStayCanceled()
    {
        var (marker, counters) = _fakes.Scenario("polls=5");
        using var created = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();

        using var canceled = await _fakes.ReplicateGetAsync(id, suffix: "/cancel", method: HttpMethod.Post);
        Assert.Equal("canceled", (await FakesClient.JsonAsync(canceled))["status"]?.GetValue<string>());
        for (var i = 0; i < 6; i++)
        {
            using var polled = await _fakes.ReplicateGetAsync(id);
            Assert.Equal("canceled", (await FakesClient.JsonAsync(polled))["status"]?.GetValue<string>());
        }
        Assert.Equal(1, counters.Cancels);
    }

    [Fact]
    public async Task RateLimit_FailsTheFirstNCreates_WithRetryAfter_ThenAccepts()
    {
        var (marker, counters) = _fakes.Scenario("http=429 times=2 retry-after=3 retry_after=7");

        using var first = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));
        using var second = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));
        using var third = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        var throttled = await FakesClient.JsonAsync(first);
        Assert.Equal(7, throttled["retry_after"]?.GetValue<int>());
        Assert.Contains("~7s", throttled["detail"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal((3, 1, 2), (counters.SubmitAttempts, counters.Submissions, counters.Rejected));
    }

    [Fact]
    public async Task PreferWait_WithoutLatency_AnswersTheFinishedPredictionWhenItNeedsNoPolls()
    {
        var (instant, instantCounters) = _fakes.Scenario("polls=0");
        var (slow, _) = _fakes.Scenario("polls=2");

        using var sync = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {instant}"), prefer: "wait=30");
        using var async = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {slow}"), prefer: "wait=30");

        Assert.Equal("succeeded", (await FakesClient.JsonAsync(sync))["status"]?.GetValue<string>());
        Assert.Equal("wait=30", instantCounters.LastPrefer);
        Assert.Equal("starting", (await FakesClient.JsonAsync(async))["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task PreferWait_WithLatency_HoldsTheAnswerUntilTheFakeClockReachesIt()
    {
        var (marker, _) = _fakes.Scenario("latency=5000");
        var start = _fakes.Time.GetUtcNow();

        var pending = _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"), prefer: "wait=60");
        await FakesClient.UntilAsync(() => !_fakes.Host.State.Predictions.IsEmpty, "the prediction to be created");
        Assert.False(pending.IsCompleted, "Prefer: wait answered before the fake clock moved.");
        await AdvanceUntilAsync(pending);

        using var response = await pending;
        var json = await FakesClient.JsonAsync(response);
        Assert.Equal("succeeded", json["status"]?.GetValue<string>());
        Assert.True(_fakes.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(5), "Answered before the latency had passed on the fake clock.");
        var completed = DateTimeOffset.Parse(json["completed_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(completed - start >= TimeSpan.FromSeconds(5), $"completed_at {completed:O} is less than the 5 s latency after {start:O}.");
    }

    [Fact]
    public async Task PreferWait_IsCappedByTheAskedWait_AndThenAnswersTheRunningPrediction()
    {
        var (marker, _) = _fakes.Scenario("latency=60000");
        var start = _fakes.Time.GetUtcNow();

        var pending = _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"), prefer: "wait=2");
        await FakesClient.UntilAsync(() => !_fakes.Host.State.Predictions.IsEmpty, "the prediction to be created");
        await AdvanceUntilAsync(pending);

        using var response = await pending;
        var json = await FakesClient.JsonAsync(response);
        Assert.Equal("starting", json["status"]?.GetValue<string>());
        var waited = _fakes.Time.GetUtcNow() - start;
        // Held for the asked 2 s, not for the 60 s the prediction takes.
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(59));
    }

    [Fact]
    public async Task Output_ExpiresAfterTheOutputLifetime_DeliveryIs404_AndThePredictionShowsDataRemoved()
    {
        var (marker, _) = _fakes.Scenario("polls=1");
        using var created = await _fakes.ReplicateCreateAsync(Pro, Body($"a cat {marker}"));
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();
        using var done = await _fakes.ReplicateGetAsync(id);
        var output = (await FakesClient.JsonAsync(done))["output"]!.GetValue<string>();

        _fakes.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        using var image = await _fakes.Http.GetAsync(output);
        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        using var later = await _fakes.ReplicateGetAsync(id);
        var json = await FakesClient.JsonAsync(later);
        Assert.True(json["data_removed"]!.GetValue<bool>());
        Assert.Null(json["output"]);
    }

    [Fact]
    public async Task FilesApi_RefusesAnonymousUploads_AndAPredictionDrawsAnUploadedImage()
    {
        using var anonymous = await _fakes.Http.PostAsync(FakeUrls.Join(_fakes.Urls.ReplicateApi, "v1/files"), new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var form = new MultipartFormDataContent();
        var png = new ByteArrayContent(Png.Solid(8, 8));
        png.Headers.ContentType = new("image/png");
        form.Add(png, "content", "in.png");
        var upload = new HttpRequestMessage(HttpMethod.Post, FakeUrls.Join(_fakes.Urls.ReplicateApi, "v1/files")) { Content = form };
        upload.Headers.Authorization = new("Bearer", FakesClient.Token);
        using var uploaded = await _fakes.Http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = (await FakesClient.JsonAsync(uploaded))["urls"]!["get"]!.GetValue<string>();
        Assert.Equal(1, _fakes.Host.State.ReplicateFileUploads);

        using var created = await _fakes.ReplicateCreateAsync(Pro, Body("a cat", i => i["input_image"] = url));
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();
        Assert.Single(_fakes.Host.State.Predictions[id].InputImages);
    }

    private async Task AdvanceUntilAsync(Task pending)
    {
        // Small steps: the fake's hold loop re-reads the clock after each timer, so it ends at the first step past its due time.
        await FakesClient.UntilAsync(() =>
        {
            if (!pending.IsCompleted)
            {
                _fakes.Time.Advance(TimeSpan.FromMilliseconds(250));
            }
            return pending.IsCompleted;
        }, "the held create to answer");
    }
}
