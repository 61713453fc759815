using System.Net;

namespace ToonStudio.Server.Tests.Security;

public sealed class CorsTests
{
    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/goods");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-api-key,idempotency-key");
        return request;
    }

    [Fact]
    public async Task Api_DefaultSameOriginOnly_NoAllowOriginForAnyone()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/engines");
        get.Headers.Add("Origin", "https://studio.example.com");

        using var response = await client.SendAsync(get);
        using var preflight = await client.SendAsync(Preflight("https://studio.example.com"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://studio.example.com", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://studio.example.com", false)]
    public async Task Api_ConfiguredOrigins_OnlyThoseAllowed(string origin, bool allowed)
    {
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Cors:AllowedOrigins:0"] = "https://studio.example.com/" });
        using var client = app.CreateClient();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/engines");
        get.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(get);
        using var preflight = await client.SendAsync(Preflight(origin));

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        Assert.Equal(allowed, preflight.Headers.Contains("Access-Control-Allow-Origin"));
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
            Assert.Contains("x-api-key", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
