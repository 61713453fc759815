using System.Net;
using ToonStudio.Server.Core;
using ToonStudio.Server.Tests.Engines.Support;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Engines.EndToEnd;

/// <summary>The compatible endpoints with the remote engines against the fakes: the status each scenario answers.</summary>
public sealed class RemoteEnginesEndToEndTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly ToonStudioApplication _app = new(EngineHarness.Settings(fakes, new Dictionary<string, string?>
    {
        ["ToonStudio:Replicate:MaxPolls"] = "5",
        ["ToonStudio:Bfl:MaxPolls"] = "5",
    }));

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("replicate", "polls=2", HttpStatusCode.OK, null, 1)]
    [InlineData("replicate", "end=e005", HttpStatusCode.UnprocessableEntity, "moderated", 1)]
    [InlineData("replicate", "end=failed", HttpStatusCode.BadGateway, "provider_failed", 1)]
    [InlineData("replicate", "http=401", HttpStatusCode.BadGateway, "provider_auth_failed", 0)]
    [InlineData("replicate", "http=402", HttpStatusCode.BadGateway, "provider_out_of_credits", 0)]
    [InlineData("replicate", "http=429 retry-after=0", HttpStatusCode.ServiceUnavailable, "provider_rate_limited", 0)]
    [InlineData("replicate", "output=object", HttpStatusCode.BadGateway, "unexpected_provider_output", 1)]
    [InlineData("replicate", "end=stuck", HttpStatusCode.GatewayTimeout, "generation_timeout", 1)]
    [InlineData("bfl", "polls=2", HttpStatusCode.OK, null, 1)]
    [InlineData("bfl", "end=content-moderated", HttpStatusCode.UnprocessableEntity, "moderated", 1)]
    [InlineData("bfl", "end=error", HttpStatusCode.BadGateway, "provider_failed", 1)]
    [InlineData("bfl", "http=503", HttpStatusCode.BadGateway, "provider_failed", 0)]
    [InlineData("bfl", "expire=0", HttpStatusCode.BadGateway, "provider_failed", 1)]
    [InlineData("bfl", "end=stuck", HttpStatusCode.GatewayTimeout, "generation_timeout", 1)]
    public async Task GenerateGoods_Scenario_AnswersCatalogStatus(string engine, string spec, HttpStatusCode status, string? code, int submissions)
    {
        var (marker, counters) = fakes.Scenario(spec);
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/goods-gen/generate",
            Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = engine, ["prompt"] = $"cute mug {marker}" }));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(engine, response.Headers.GetValues("X-Engine").Single());
        if (code is not null)
        {
            var body = await response.JsonAsync();
            Assert.Equal(code, body.Str("code"));
            Assert.False(string.IsNullOrEmpty(body.Str("error")));
            Assert.DoesNotContain("purchase", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(submissions, counters.Submissions);
        Assert.True(counters.Polls <= 5);
    }

    [Fact]
    public async Task GenerateGoods_ProviderAsksToWaitLong_PassesRetryAfterOn()
    {
        var (marker, counters) = fakes.Scenario("http=429 retry-after=45");
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/goods-gen/generate",
            Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "replicate", ["prompt"] = $"cute mug {marker}" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("provider_rate_limited", (await response.JsonAsync()).Str("code"));
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(45), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal(0, counters.Submissions);
    }

    [Fact]
    public async Task GeneratePpl_ReplicateSuccess_ReturnsImageAndJobKeepsTaskId()
    {
        var (marker, counters) = fakes.Scenario("polls=1");
        using var client = _app.CreateClient();

        using var response = await client.PostAsync("/api/ppl-gen/generate",
            Forms.Ppl(prompt: $"holding the can {marker}", fields: new Dictionary<string, string?> { ["engine"] = "replicate", ["output_format"] = "webp" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        var job = await client.GetJobAsync(response.Headers.GetValues("X-Job-Id").Single());
        Assert.False(string.IsNullOrEmpty(job.Str("providerTaskId")));
        Assert.Equal(1, counters.Submissions);
    }

    [Fact]
    public async Task GenerateGoods_BflNamedWithoutKey_Answers503NamingTheVariable()
    {
        using var app = new ToonStudioApplication(EngineHarness.Settings(fakes, new Dictionary<string, string?> { ["BFL_API_KEY"] = "" }));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "bfl" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("engine_not_configured", body.Str("code"));
        Assert.Contains("BFL_API_KEY", body.ToJsonString());
    }

    [Fact]
    public async Task CancelJob_WhileReplicatePolls_JobCanceledAndPredictionCanceledAtProvider()
    {
        var (marker, counters) = fakes.Scenario("end=stuck");
        using var app = new ToonStudioApplication(EngineHarness.Settings(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Replicate:PollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPollInterval"] = "00:00:00.020",
            ["ToonStudio:Replicate:MaxPolls"] = "1000",
        }));
        using var client = app.CreateClient();
        using var post = await client.PostAsync("/api/v1/ppl", Forms.Ppl(prompt: marker, fields: new Dictionary<string, string?> { ["engine"] = "replicate" }));
        var id = (await post.JsonAsync()).Str("id");
        await client.WaitForJobAsync(id, j => j["providerTaskId"] is not null);

        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        var job = await client.WaitForJobAsync(id);

        Assert.Equal("canceled", job.Str("status"));
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(1, counters.Cancels);
    }
}
