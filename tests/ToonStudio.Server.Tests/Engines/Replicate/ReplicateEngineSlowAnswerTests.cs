using ToonStudio.Server.Core;
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
        // Wide enough that a cold, busy CI machine answers a normal call in time; the slow scenarios take 4× longer.
        ["ToonStudio:Replicate:Resilience:AttemptTimeout"] = "00:00:01.500",
        ["ToonStudio:Replicate:PreferWait"] = "00:00:00",
    });

    public void Dispose() => _harness.Dispose();

    /// <summary>Compiles the client's whole path once, so the timeout under test is not spent on JIT; its outcome is not the test's.</summary>
    private async Task WarmUpAsync()
    {
        try
        {
            await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), Context("replicate", fakes.Scenario("polls=1").Marker), CancellationToken.None);
        }
        catch (ToonStudioException)
        {
            // A cold machine may miss even the widened timeout once; the measured call comes after.
        }
    }

    [Fact]
    public async Task GenerateAsync_SubmitSlowerThanAttemptTimeout_FailsWithoutSecondSubmit()
    {
        var (marker, counters) = fakes.Scenario("delay=6000");
        // The fake's first request compiles its endpoint; keep that out of the attempt timeout the test is about.
        await FakeDirect.SubmitReplicateAsync(fakes, "[fake:polls=0]");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Contains("did not answer in time", error.Detail);
        Assert.Equal(1, counters.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateAsync_PollsSlowerThanAttemptTimeout_PollRetriedThenProviderFailed()
    {
        var (marker, counters) = fakes.Scenario("poll-delay=6000");
        await WarmUpAsync();

        await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Equal(1, counters.Submissions);
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Cancels);
    }
}
