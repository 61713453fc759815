using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>
/// One persistent provider fault per request that the server reports at once, through the earlier system's compatible
/// endpoint: the answer carries its catalog code. The 2-minute deadline cannot overtake the retries (seconds) however
/// slow the machine, so each fault has exactly one answer.
/// </summary>
public sealed class PersistentFaultTests(PatientChaosServer server) : IClassFixture<PatientChaosServer>
{
    [Theory]
    [InlineData("http=503", "502 provider_failed")]
    [InlineData("http=500 poll-http=500", "502 provider_failed")]
    [InlineData("http=429 retry-after=1", "503 provider_rate_limited")]
    public async Task GenerateGoods_PersistentProviderFault_AnswersItsCatalogError(string fault, string expected) =>
        await FaultAnswers.AssertAsync(server, fault, expected);
}

/// <summary>
/// A provider that never answers, through the compatible endpoint. A hung call ends at the deadline (504) in the fast
/// run, whose 12 s deadline comes before the 30 s HTTP attempt timeout, and at that attempt timeout (retried for
/// polls) as 502 "did not answer in time" under the production 2 minutes: one outcome for each scale.
/// </summary>
public sealed class HungProviderTests(ChaosServer server) : IClassFixture<ChaosServer>
{
    private static readonly string HungAnswer = Scale.Pick("504 generation_timeout", "502 provider_failed");

    [Theory]
    [InlineData("delay=600000")]
    [InlineData("poll-delay=600000")]
    public async Task GenerateGoods_HungProvider_AnswersAtTheDeadline(string fault) =>
        await FaultAnswers.AssertAsync(server, fault, HungAnswer);
}

/// <summary>The assertion both fault classes share: status and catalog code, the job id header and a message.</summary>
internal static class FaultAnswers
{
    public static async Task AssertAsync(ChaosServer server, string fault, string expected)
    {
        using var response = await server.Jobs.GenerateGoodsCompatibleAsync($"mug [fake:{fault} tag={Guid.NewGuid():N}]");

        var body = await JobsClient.ReadJsonAsync(response);
        Assert.Equal(expected, $"{(int)response.StatusCode} {body.GetProperty("code").GetString()}");
        Assert.True(response.Headers.Contains("X-Job-Id"));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
