using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Engines.Bfl;

public sealed class BflCircuitBreakerTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GenerateAsync_ProviderKeepsFailing_BreakerOpensAndSparesTheProvider()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Bfl:Resilience:MaxRetries"] = "0",
            ["ToonStudio:Bfl:Resilience:BreakerMinimumThroughput"] = "2",
            ["ToonStudio:Bfl:Resilience:BreakerBreakDuration"] = "00:01:00",
        });
        var (marker, counters) = fakes.Scenario("http=503");

        for (var i = 0; i < 2; i++)
        {
            await FailsAsync(harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderFailed);
        }
        var error = await FailsAsync(harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderFailed);

        Assert.Contains("paused", error.Detail);
        Assert.Equal(2, counters.SubmitAttempts);
    }
}
