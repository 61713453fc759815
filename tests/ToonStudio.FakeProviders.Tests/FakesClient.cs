using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.FakeProviders;

namespace ToonStudio.FakeProviders.Tests;

/// <summary>The five fake hosts on free loopback ports with a fake clock, and plain HTTP helpers to talk to them.</summary>
public sealed class FakesClient : IAsyncDisposable
{
    public const string Token = "r8_fake_token";
    public const string Key = "bfl_fake_key";

    private FakesClient(FakeProvidersHost host, FakeTimeProvider time) => (Host, Time) = (host, time);

    public FakeProvidersHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public FakeUrls Urls => Host.Urls;

    public static async Task<FakesClient> StartAsync(Action<FakeProvidersOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var options = new FakeProvidersOptions { ReplicateToken = Token, BflKey = Key, OutputEdge = 64, Time = time };
        configure?.Invoke(options);
        return new FakesClient(await FakeProvidersHost.StartAsync(options), time);
    }

    /// <summary>A scenario marker with a fresh tag (so fault counters never leak between tests) and its counters.</summary>
    public (string Marker, ScenarioCounters Counters) Scenario(string spec)
    {
        var full = $"{spec} tag={Guid.NewGuid():N}".Trim();
        return ($"[fake:{full}]", Host.Counters(full));
    }

    public Task<HttpResponseMessage> ReplicateCreateAsync(string model, JsonObject body, string? token = Token, string? prefer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FakeUrls.Join(Urls.ReplicateApi, $"v1/models/{model}/predictions"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> ReplicateGetAsync(string id, string? token = Token, string? suffix = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, FakeUrls.Join(Urls.ReplicateApi, $"v1/predictions/{id}{suffix}"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> BflSubmitAsync(string model, JsonObject body, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, FakeUrls.Join(Urls.BflApi, $"v1/{model}"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("x-key", key);
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> BflGetAsync(string url, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("x-key", key);
        }
        return Http.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject() ?? throw new InvalidOperationException("Empty body");

    /// <summary>Polls <paramref name="done"/> until it holds; fails the test with <paramref name="what"/> after 10 s of real time.</summary>
    public static async Task UntilAsync(Func<bool> done, string what)
    {
        var limit = DateTime.UtcNow.AddSeconds(10);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < limit, $"Timed out waiting for {what}.");
            await Task.Delay(5);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
