using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>One persistent provider fault per request, through the earlier system's compatible endpoint: the answer carries its catalog code.</summary>
public sealed class PersistentFaultTests(ChaosServer server) : IClassFixture<ChaosServer>
{
    private const string Hung = "hung";

    private static readonly string HungAnswer = Scale.Pick("504 generation_timeout", "502 provider_failed");

    /// <summary>
    /// A hung call ends at the deadline (504) in the fast run, whose 12 s deadline comes before the 30 s HTTP attempt
    /// timeout, and at that attempt timeout (retried for polls) as 502 "did not answer in time" under the production
    /// 2 minutes: one outcome for each scale.
    /// </summary>
    [Theory]
    [InlineData("http=503", "502 provider_failed")]
    [InlineData("http=500 poll-http=500", "502 provider_failed")]
    [InlineData("http=429 retry-after=1", "503 provider_rate_limited")]
    [InlineData("delay=600000", Hung)]
    [InlineData("poll-delay=600000", Hung)]
    public async Task GenerateGoods_PersistentProviderFault_AnswersItsCatalogError(string fault, string expected)
    {
        using var response = await server.Jobs.GenerateGoodsCompatibleAsync($"mug [fake:{fault} tag={Guid.NewGuid():N}]");

        var body = await JobsClient.ReadJsonAsync(response);
        Assert.Equal(expected == Hung ? HungAnswer : expected, $"{(int)response.StatusCode} {body.GetProperty("code").GetString()}");
        Assert.True(response.Headers.Contains("X-Job-Id"));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
