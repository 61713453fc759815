using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>One persistent provider fault per request, through the earlier system's compatible endpoint: the answer carries its catalog code.</summary>
public sealed class PersistentFaultTests(ChaosServer server) : IClassFixture<ChaosServer>
{
    /// <summary>
    /// A hung call ends at the deadline (504) when the deadline comes first — the fast run's 12 s — or at the HTTP
    /// attempt timeout (30 s, retried for polls) as 502 "did not answer in time" under the production 2 minutes.
    /// </summary>
    [Theory]
    [InlineData("http=503", "502 provider_failed")]
    [InlineData("http=500 poll-http=500", "502 provider_failed")]
    [InlineData("http=429 retry-after=1", "503 provider_rate_limited")]
    [InlineData("delay=600000", "504 generation_timeout|502 provider_failed")]
    [InlineData("poll-delay=600000", "504 generation_timeout|502 provider_failed")]
    public async Task GenerateGoods_PersistentProviderFault_AnswersItsCatalogError(string fault, string allowed)
    {
        using var response = await server.Jobs.GenerateGoodsCompatibleAsync($"mug [fake:{fault} tag={Guid.NewGuid():N}]");

        var body = await JobsClient.ReadJsonAsync(response);
        Assert.Contains($"{(int)response.StatusCode} {body.GetProperty("code").GetString()}", allowed.Split('|'));
        Assert.True(response.Headers.Contains("X-Job-Id"));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
