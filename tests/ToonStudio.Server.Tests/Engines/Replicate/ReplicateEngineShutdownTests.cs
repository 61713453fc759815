using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Replicate;

/// <summary>A job stopped because the host shuts down is moving, not ending: its prediction must survive for the resume.</summary>
public sealed class ReplicateEngineShutdownTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GenerateAsync_StoppedForShutdown_LeavesPredictionRunning()
    {
        using var harness = new EngineHarness(fakes);
        var (marker, counters) = fakes.Scenario("end=stuck");
        var context = EngineAssert.Context("replicate", marker);
        context.ProviderTaskStillWanted = true;
        using var cts = new CancellationTokenSource();
        var run = harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, cts.Token);
        await Wait.UntilAsync(() => counters.Polls >= 2 || run.IsCompleted, TimeSpan.FromSeconds(30),
            () => $"two polls of the stuck prediction (polls: {counters.Polls})");
        Assert.False(run.IsCompleted, "the run ended before it was canceled");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(0, counters.Cancels);
        Assert.NotEqual("canceled", fakes.Host.State.Predictions[context.Job.ProviderTaskId ?? ""].Status);
    }
}
