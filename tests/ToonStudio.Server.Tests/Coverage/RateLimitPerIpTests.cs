using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Coverage;

/// <summary>Without API keys the generation limit is one bucket per remote address.</summary>
public sealed class RateLimitPerIpTests
{
    private const string TestAddress = "X-Test-Remote-Address";

    /// <summary>The test server has no sockets: this sets the connection's remote address from a test header, before the limiter.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[TestAddress].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static HttpRequestMessage Post(string address)
    {
        // An empty body is refused by the handler (400), but only after the limiter has counted it.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = new StringContent("") };
        request.Headers.Add(TestAddress, address);
        return request;
    }

    [Fact]
    public async Task Generate_WithoutKeys_EachAddressHasItsOwnBucket()
    {
        using var app = new ToonStudioApplication(
            new Dictionary<string, string?> { ["ToonStudio:RateLimit:Burst"] = "2", ["ToonStudio:RateLimit:RequestsPerMinute"] = "1" },
            services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        using var client = app.CreateClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Post("203.0.113.7"));
            first.Add(response.StatusCode);
        }
        using var other = await client.SendAsync(Post("198.51.100.9"));
        using var firstAgain = await client.SendAsync(Post("203.0.113.7"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain.StatusCode);
        Assert.Equal("rate_limited", (await firstAgain.JsonAsync()).Str("code"));
    }
}
