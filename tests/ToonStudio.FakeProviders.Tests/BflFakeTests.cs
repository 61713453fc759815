using System.Net;
using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders.Tests;

/// <summary>The fake BFL API behaves as documented: x-key auth, HTTPValidationError, regional polling, signed expiring URLs, task caps.</summary>
public sealed class BflFakeTests : IAsyncLifetime
{
    private const string Pro = "flux-kontext-pro";
    private const string Max = "flux-kontext-max";
    private FakesClient _fakes = null!;

    public async Task InitializeAsync() => _fakes = await FakesClient.StartAsync(o =>
    {
        o.BflActiveTaskLimit = 3;
        o.BflKontextMaxActiveTaskLimit = 2;
    });

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    private static JsonObject Body(string prompt, Action<JsonObject>? more = null)
    {
        var body = new JsonObject { ["prompt"] = prompt, ["output_format"] = "png" };
        more?.Invoke(body);
        return body;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("someone-elses-key")]
    public async Task Submit_WithoutTheAcceptedKey_Is401NotAuthenticated(string? key)
    {
        var (marker, counters) = _fakes.Scenario("");

        using var response = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"), key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Not authenticated", (await FakesClient.JsonAsync(response))["detail"]?.GetValue<string>());
        Assert.Equal(0, counters.Submissions);
        Assert.Empty(_fakes.Host.State.BflTasks);
    }

    [Fact]
    public async Task Credits_NeedTheKey()
    {
        using var anonymous = await _fakes.BflGetAsync(FakeUrls.Join(_fakes.Urls.BflApi, "v1/credits"), key: null);
        using var known = await _fakes.BflGetAsync(FakeUrls.Join(_fakes.Urls.BflApi, "v1/credits"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1234.5, (await FakesClient.JsonAsync(known))["credits"]!.GetValue<double>());
    }

    [Fact]
    public async Task Submit_ToAnUnknownModel_Is404()
    {
        using var response = await _fakes.BflSubmitAsync("flux-pro-9000", Body("a cat"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "{\"output_format\": \"png\"}", "prompt", "missing" },
        { "{\"prompt\": \"a cat\", \"safety_tolerance\": 7}", "safety_tolerance", "less_than_equal" },
        { "{\"prompt\": \"a cat\", \"output_format\": \"webp\"}", "output_format", "enum" },
        { "{\"prompt\": \"a cat\", \"input_image\": \"data:image/png;base64,iVBORw0KGgo=\"}", "input_image", "value_error" },
        { "{\"prompt\": ", "body", "json_invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Submit_WithAnInvalidBody_Is422HttpValidationErrorNamingTheField(string body, string field, string type)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FakeUrls.Join(_fakes.Urls.BflApi, $"v1/{Pro}"))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-key", FakesClient.Key);

        using var response = await _fakes.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = Assert.Single((await FakesClient.JsonAsync(response))["detail"]!.AsArray())!;
        Assert.Equal(["body", field], detail["loc"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(type, detail["type"]!.GetValue<string>());
        Assert.Empty(_fakes.Host.State.BflTasks);
    }

    [Fact]
    public async Task Task_IsPolledOnItsRegionalHost_PendingWithProgressThenReady_WithASignedSample()
    {
        var (marker, counters) = _fakes.Scenario("polls=2");

        using var submitted = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}", b =>
        {
            b["aspect_ratio"] = "3:4";
            b["seed"] = 1234;
            b["input_image"] = Convert.ToBase64String(Png.Solid(8, 8));
        }));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var task = await FakesClient.JsonAsync(submitted);
        var id = task["id"]!.GetValue<string>();
        var polling = task["polling_url"]!.GetValue<string>();
        Assert.StartsWith(_fakes.Urls.BflRegional.ToString().TrimEnd('/'), polling, StringComparison.Ordinal);
        Assert.Single(_fakes.Host.State.BflTasks[id].InputImages);

        // The same id against the global host is not found there: the client must use polling_url.
        using var wrongHost = await _fakes.BflGetAsync(FakeUrls.Join(_fakes.Urls.BflApi, $"v1/get_result?id={id}"));
        Assert.Equal("Task not found", (await FakesClient.JsonAsync(wrongHost))["status"]?.GetValue<string>());
        Assert.Equal(1, _fakes.Host.State.BflWrongHostPolls);

        using var anonymous = await _fakes.BflGetAsync(polling, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var first = await _fakes.BflGetAsync(polling);
        var pending = await FakesClient.JsonAsync(first);
        Assert.Equal("Pending", pending["status"]?.GetValue<string>());
        Assert.Equal(0.5, pending["progress"]!.GetValue<double>());
        using var second = await _fakes.BflGetAsync(polling);
        var ready = await FakesClient.JsonAsync(second);
        Assert.Equal("Ready", ready["status"]?.GetValue<string>());
        Assert.Equal(1234, ready["result"]!["seed"]!.GetValue<long>());
        Assert.Equal(2, counters.Polls);

        var sample = ready["result"]!["sample"]!.GetValue<string>();
        using var image = await _fakes.Http.GetAsync(sample);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        // 3:4 at a 64 px longest edge.
        Assert.Equal(48, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(64, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));

        using var tampered = await _fakes.Http.GetAsync(sample.Replace("sig=", "sig=x", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
    }

    [Fact]
    public async Task Sample_SignedUrlExpiresAfterTenMinutes_With403()
    {
        var (marker, _) = _fakes.Scenario("polls=1");
        using var submitted = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        var polling = (await FakesClient.JsonAsync(submitted))["polling_url"]!.GetValue<string>();
        using var ready = await _fakes.BflGetAsync(polling);
        var sample = (await FakesClient.JsonAsync(ready))["result"]!["sample"]!.GetValue<string>();

        _fakes.Time.Advance(TimeSpan.FromMinutes(9));
        using var stillValid = await _fakes.Http.GetAsync(sample);
        _fakes.Time.Advance(TimeSpan.FromMinutes(1));
        using var expired = await _fakes.Http.GetAsync(sample);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("AuthenticationFailed", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request-moderated", "Request Moderated", "Sexual Content")]
    [InlineData("content-moderated", "Content Moderated", "Derivative Works Filter")]
    public async Task Task_EndsModerated_WithItsReasons(string end, string status, string reason)
    {
        var (marker, _) = _fakes.Scenario($"end={end} polls=1");
        using var submitted = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        var polling = (await FakesClient.JsonAsync(submitted))["polling_url"]!.GetValue<string>();

        using var polled = await _fakes.BflGetAsync(polling);
        var json = await FakesClient.JsonAsync(polled);

        Assert.Equal(status, json["status"]?.GetValue<string>());
        Assert.Null(json["result"]);
        Assert.Equal(reason, json["details"]!["Moderation Reasons"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ActiveTaskCaps_RefuseWith429_PerKey_AndFreeASlotWhenATaskFinishes()
    {
        var (marker, _) = _fakes.Scenario("polls=1");
        var pollingUrls = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await _fakes.BflSubmitAsync(Max, Body($"a cat {marker}"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            pollingUrls.Add((await FakesClient.JsonAsync(accepted))["polling_url"]!.GetValue<string>());
        }

        using var thirdMax = await _fakes.BflSubmitAsync(Max, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdMax.StatusCode);
        Assert.Equal("You have reached the limit of 2 active tasks for flux-kontext-max. Wait until one of your previous tasks has finished.",
            (await FakesClient.JsonAsync(thirdMax))["detail"]?.GetValue<string>());
        using var pro = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.OK, pro.StatusCode);
        using var fourth = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("limit of 3 active tasks", (await FakesClient.JsonAsync(fourth))["detail"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, _fakes.Host.State.BflCapRejections);
        Assert.Equal(2, _fakes.Host.State.PeakActiveKontextMax);

        using var polled = await _fakes.BflGetAsync(pollingUrls[0]);
        Assert.Equal("Ready", (await FakesClient.JsonAsync(polled))["status"]?.GetValue<string>());
        using var afterFinish = await _fakes.BflSubmitAsync(Max, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.OK, afterFinish.StatusCode);
    }

    [Fact]
    public async Task AbandonedTasks_StopCountingAgainstTheCap_AfterTheirLifetime()
    {
        var (marker, _) = _fakes.Scenario("polls=5");
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using var refused = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        _fakes.Time.Advance(TimeSpan.FromMinutes(2));

        using var admitted = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task ServerErrors_FailTheFirstNSubmits_ThenAccept_CountingOnlyTheBillableOne()
    {
        var (marker, counters) = _fakes.Scenario("http=503 times=2");

        using var first = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        using var second = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));
        using var third = await _fakes.BflSubmitAsync(Pro, Body($"a cat {marker}"));

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Equal((3, 1, 2), (counters.SubmitAttempts, counters.Submissions, counters.Rejected));
    }
}
