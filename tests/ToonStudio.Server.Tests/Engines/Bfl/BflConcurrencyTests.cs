using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Bfl;

public sealed class BflConcurrencyTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GenerateAsync_ThirtyConcurrentKontextMaxJobs_AllCompleteWithoutMeetingTheCap()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?> { ["ToonStudio:Bfl:MaxPolls"] = "100" });
        var (marker, counters) = fakes.Scenario("polls=4");
        var rejectionsBefore = fakes.Host.State.BflCapRejections;

        var runs = Enumerable.Range(0, 30).Select(_ => Task.Run(() =>
            harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), EngineAssert.Context("bfl", marker, JobKind.Goods), CancellationToken.None)));
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.Equal("image/png", r.ContentType));
        Assert.Equal(30, counters.Submissions);
        Assert.Equal(30, counters.SubmitAttempts);
        Assert.Equal(rejectionsBefore, fakes.Host.State.BflCapRejections);
        Assert.InRange(fakes.Host.State.PeakActiveKontextMax, 1, 6);
    }
}

/// <summary>
/// The control experiment, on its own fakes so its peak does not mix with the limited run's. Its tasks never finish
/// (<c>end=stuck</c>; BFL has no cancel), so each admitted one keeps its slot at the fake for the rest of the test:
/// the count of 429s does not depend on how many of the twelve runs happen to overlap.
/// </summary>
public sealed class BflCapControlTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GenerateAsync_LimiterRaisedAboveCap_FakeAnswers429BeyondSixActiveTasks()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Bfl:ModelActiveTasks:flux-kontext-max"] = "30",
            ["ToonStudio:Bfl:MaxPolls"] = "2",
            ["ToonStudio:Bfl:Resilience:MaxRetries"] = "0",
        });
        var (marker, counters) = fakes.Scenario("end=stuck");
        var rejectionsBefore = fakes.Host.State.BflCapRejections;

        var runs = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            try
            {
                await harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), EngineAssert.Context("bfl", marker, JobKind.Goods), CancellationToken.None);
                return "succeeded";
            }
            catch (ToonStudioException e)
            {
                return e.Code;
            }
        }));
        var outcomes = await Task.WhenAll(runs);

        // Six admitted tasks poll in vain until MaxPolls; the other six meet the cap of six active flux-kontext-max tasks.
        Assert.Equal(6, outcomes.Count(o => o == ErrorCode.GenerationTimeout));
        Assert.Equal(6, outcomes.Count(o => o == ErrorCode.ProviderRateLimited));
        Assert.Equal(6, counters.Submissions);
        Assert.Equal(rejectionsBefore + 6, fakes.Host.State.BflCapRejections);
        Assert.Equal(6, fakes.Host.State.PeakActiveKontextMax);
    }
}
