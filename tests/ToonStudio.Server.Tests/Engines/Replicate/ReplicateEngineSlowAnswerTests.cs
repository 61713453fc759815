using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Engines.Replicate;

/// <summary>Attempt timeouts: a slow poll is retried (GET is idempotent), a slow submit is not (it may have been accepted).</summary>
public sealed class ReplicateEngineSlowAnswerTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes, new Dictionary<string, string?>
    {
        ["ToonStudio:Replicate:Resilience:AttemptTimeout"] = "00:00:00.500",
        ["ToonStudio:Replicate:PreferWait"] = "00:00:00",
    });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GenerateAsync_SubmitSlowerThanAttemptTimeout_FailsWithoutSecondSubmit()
    {
        var (marker, counters) = fakes.Scenario("delay=4000");
        // The fake's first request compiles its endpoint; keep that out of the 500 ms the test is about.
        await FakeDirect.SubmitReplicateAsync(fakes, "[fake:polls=0]");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Contains("did not answer in time", error.Detail);
        Assert.Equal(1, counters.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateAsync_PollsSlowerThanAttemptTimeout_PollRetriedThenProviderFailed()
    {
        var (marker, counters) = fakes.Scenario("poll-delay=4000");
        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), Context("replicate", fakes.Scenario("polls=1").Marker), CancellationToken.None);

        await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Equal(1, counters.Submissions);
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Cancels);
    }
}
