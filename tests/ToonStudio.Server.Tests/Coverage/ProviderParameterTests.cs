using System.Net;
using System.Text.Json.Nodes;
using ToonStudio.Server.Tests.Engines.Support;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Coverage;

/// <summary>What the form says about seed and aspect ratio reaches each provider as asked, and prompt upsampling stays off.</summary>
public sealed class ProviderParameterTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly ToonStudioApplication _app = new(EngineHarness.Settings(fakes));

    public void Dispose() => _app.Dispose();

    private async Task<JsonObject> GenerateAsync(string engine, string kind, string marker, string seed, string ratio)
    {
        using var client = _app.CreateClient();
        var fields = new Dictionary<string, string?> { ["engine"] = engine, ["seed"] = seed, ["aspect_ratio"] = ratio, ["prompt"] = $"holding it {marker}" };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{kind}") { Content = kind == "ppl" ? Forms.Ppl(fields: fields, prompt: $"holding it {marker}") : Forms.Goods(fields: fields) };
        request.Headers.Add("Prefer", "wait=60");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = await response.JsonAsync();
        Assert.Equal("succeeded", job.Str("status"));
        return job;
    }

    [Theory]
    [InlineData("ppl", "16:9", "1234567")]
    [InlineData("goods", "3:4", "98765")]
    public async Task Replicate_ReceivesTheSeedAndAspectRatio_AndNoPromptUpsampling(string kind, string ratio, string seed)
    {
        var (marker, counters) = fakes.Scenario("polls=1");

        await GenerateAsync("replicate", kind, marker, seed, ratio);

        Assert.Equal(1, counters.Submissions);
        var input = fakes.Host.State.Predictions.Values.Single(p => p.Input["prompt"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal)).Input;
        Assert.Equal(long.Parse(seed, System.Globalization.CultureInfo.InvariantCulture), input["seed"]!.GetValue<long>());
        Assert.Equal(ratio, input["aspect_ratio"]!.GetValue<string>());
        // Replicate's Kontext models default prompt_upsampling to off; the server never turns it on.
        Assert.False(input.ContainsKey("prompt_upsampling") && input["prompt_upsampling"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("ppl", "16:9", "1234567")]
    [InlineData("goods", "3:4", "98765")]
    public async Task Bfl_ReceivesTheSeedAndAspectRatio_AndPromptUpsamplingFalse(string kind, string ratio, string seed)
    {
        var (marker, counters) = fakes.Scenario("polls=1");

        await GenerateAsync("bfl", kind, marker, seed, ratio);

        Assert.Equal(1, counters.Submissions);
        var request = fakes.Host.State.BflTasks.Values.Single(t => t.Request["prompt"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal)).Request;
        Assert.Equal(long.Parse(seed, System.Globalization.CultureInfo.InvariantCulture), request["seed"]!.GetValue<long>());
        Assert.Equal(ratio, request["aspect_ratio"]!.GetValue<string>());
        Assert.False(request["prompt_upsampling"]!.GetValue<bool>());
    }
}
