using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Replicate;

public sealed class ReplicateEngineLifecycleTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GenerateAsync_CanceledWhilePolling_CancelsAtProviderAndPropagates()
    {
        using var harness = new EngineHarness(fakes);
        var (marker, counters) = fakes.Scenario("end=stuck");
        var context = EngineAssert.Context("replicate", marker);
        using var cts = new CancellationTokenSource();
        var run = harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, cts.Token);
        await Wait.UntilAsync(() => counters.Polls >= 2 || run.IsCompleted, TimeSpan.FromSeconds(30),
            () => $"two polls of the stuck prediction (polls: {counters.Polls})");
        Assert.False(run.IsCompleted, "the run ended before it was canceled");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, counters.Cancels);
        Assert.Equal("canceled", fakes.Host.State.Predictions[context.Job.ProviderTaskId ?? ""].Status);
    }

    [Fact]
    public async Task GenerateAsync_JobHasProviderTaskId_ResumesWithoutSubmitting()
    {
        using var harness = new EngineHarness(fakes);
        var (marker, counters) = fakes.Scenario("polls=2");
        // Submitted before "the restart": the job row holds only the prediction id.
        var id = await FakeDirect.SubmitReplicateAsync(fakes, marker);
        var job = EngineJobs.Make(JobKind.Ppl, marker, "replicate") with { ProviderTaskId = id, ProviderSubmissions = 1 };
        var resumed = new TestEngineContext(job);

        var result = await harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), resumed, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(2, counters.Polls);
        Assert.Equal(0, resumed.Accepted);
    }

    [Fact]
    public async Task GenerateAsync_InputAboveInlineLimit_UploadsThroughFilesApi()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?> { ["ToonStudio:Replicate:InlineMaxBytes"] = "10" });
        var (marker, counters) = fakes.Scenario("polls=1");
        var before = fakes.Host.State.ReplicateFileUploads;
        var context = EngineAssert.Context("replicate", marker);

        var result = await harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(before + 2, fakes.Host.State.ReplicateFileUploads);
        var input = fakes.Host.State.Predictions[context.Job.ProviderTaskId ?? ""].Input;
        Assert.StartsWith(FakesFixture.Origin(fakes.Urls.ReplicateApi) + "/v1/files/", input["input_image_1"]?.ToString());
        Assert.Equal(1, counters.Submissions);
    }

    [Fact]
    public void Availability_NoToken_ReportsTheMissingVariable()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?> { ["REPLICATE_API_TOKEN"] = " \n" });

        var availability = harness.Replicate.Availability;

        Assert.False(availability.Configured);
        Assert.Equal("REPLICATE_API_TOKEN", availability.MissingSetting);
        Assert.True(harness.Bfl.Availability.Configured);
    }
}
