using System.Net;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    private readonly ToonStudioApplication _app = new(new Dictionary<string, string?>
    {
        ["ToonStudio:RateLimit:Burst"] = "2",
        ["ToonStudio:RateLimit:RequestsPerMinute"] = "1",
        ["ToonStudio:Auth:ApiKeys:0"] = "rate-key-a-0123456789",
        ["ToonStudio:Auth:ApiKeys:1"] = "rate-key-b-0123456789",
    });

    public void Dispose() => _app.Dispose();

    private static HttpRequestMessage Post(string path, string key, string? language = null)
    {
        // An empty body is refused by the handler (400), but only after the limiter has counted it.
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("") };
        request.Headers.Add("X-Api-Key", key);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return request;
    }

    [Theory]
    [InlineData("/api/v1/goods")]
    [InlineData("/api/ppl-gen/generate")]
    public async Task Generate_OverBurst_Answers429WithRetryAfter(string path)
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SendAsync(Post(path, "rate-key-a-0123456789"));
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        using var refused = await client.SendAsync(Post(path, "rate-key-a-0123456789", "en"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.JsonAsync();
        Assert.Equal("rate_limited", problem.Str("code"));
        Assert.Equal("Too many requests", problem.Str("title"));
    }

    [Fact]
    public async Task Generate_OneClientLimited_OtherKeyStillServed()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(Post("/api/v1/goods", "rate-key-a-0123456789"))).Dispose();
        }

        using var other = await client.SendAsync(Post("/api/v1/goods", "rate-key-b-0123456789"));

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Reads_NotLimited()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
            request.Headers.Add("X-Api-Key", "rate-key-a-0123456789");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
