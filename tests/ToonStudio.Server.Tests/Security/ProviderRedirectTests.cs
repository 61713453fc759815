using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Security;

/// <summary>
/// A provider host answering 3xx toward another host (a second loopback listener here) must not make the client
/// follow: the key would travel in <c>x-key</c> / <c>Authorization</c>. The job fails <c>unexpected_provider_output</c>.
/// </summary>
public sealed class ProviderRedirectTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("redirect", 307)]
    [InlineData("redirect", 302)]
    [InlineData("redirect", 308)]
    [InlineData("poll-redirect", 307)]
    public async Task Bfl_RedirectToAnotherHost_NotFollowedAndTheKeyNeverArrives(string key, int status)
    {
        await using var elsewhere = await LoopbackCatcher.StartAsync();
        var (marker, counters) = fakes.Scenario($"{key}={elsewhere.Origin}/steal redirect-status={status}");

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.UnexpectedProviderOutput);

        Assert.Contains("redirect", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Origin, error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, counters.Rejected);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Replicate_RedirectToAnotherHost_NotFollowedAndTheTokenNeverArrives()
    {
        await using var elsewhere = await LoopbackCatcher.StartAsync();
        var (marker, counters) = fakes.Scenario($"redirect={elsewhere.Origin}/steal");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.UnexpectedProviderOutput);

        Assert.Contains("redirect", error.Detail, StringComparison.Ordinal);
        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Empty(elsewhere.Requests);
    }

    [Theory]
    [InlineData("https://api.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.eu.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.us.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.eu1.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.us1.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://delivery-eu1.bfl.ai/v1/get_result?id=1", false)]
    [InlineData("https://attacker.bfl.ai/v1/get_result?id=1", false)]
    [InlineData("https://api.bfl.ml/v1/get_result?id=1", false)]
    [InlineData("http://api.bfl.ai/v1/get_result?id=1", false)]
    [InlineData("https://api.bfl.ai.evil.example/v1/get_result?id=1", false)]
    public void PollingHosts_Default_OnlyBflsDocumentedApiHostsByExactName(string url, bool allowed) =>
        Assert.Equal(allowed, new ToonStudio.Server.Engines.Downloads.HostAllowlist(new BflOptions().PollingHosts).IsAllowed(new Uri(url)));
}
