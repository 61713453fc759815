using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Engines.Remote;

namespace ToonStudio.Server.Tests.Engines.Remote;

/// <summary>Retry-After parsing (header and body, seconds and dates) on a fake clock.</summary>
[Trait("Category", "Unit")]
public sealed class RetryAfterTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FromAsync_HeaderSeconds_Wins()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{\"retry_after\":9}") };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), await RetryAfter.FromAsync(response, Time, CancellationToken.None));
    }

    [Fact]
    public async Task FromAsync_HeaderDate_MeasuredFromNow()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Time.GetUtcNow().AddSeconds(20));

        Assert.Equal(TimeSpan.FromSeconds(20), await RetryAfter.FromAsync(response, Time, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"detail\":\"throttled\",\"status\":429,\"retry_after\":5}", 5.0)]
    [InlineData("{\"retry_after\":\"2.5\"}", 2.5)]
    [InlineData("{\"detail\":\"Request was throttled. Expected available in 1 second.\"}", null)]
    [InlineData("{\"retry_after\":-1}", null)]
    [InlineData("not json", null)]
    [InlineData("[1,2]", null)]
    public void FromBody_ReplicateLowCreditShape_ReadsRetryAfter(string body, double? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, RetryAfter.FromBody(body));
}
