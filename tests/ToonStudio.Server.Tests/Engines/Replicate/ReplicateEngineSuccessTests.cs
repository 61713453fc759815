using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Replicate;

public sealed class ReplicateEngineSuccessTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GenerateAsync_SucceedsAfterThreePolls_ReturnsPngWithOneSubmission()
    {
        var (marker, counters) = fakes.Scenario("polls=3");
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, $"character holds the can {marker}", "replicate"));

        var result = await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(0x89, result.Image[0]);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Downloads);
        Assert.Equal(1, context.Accepted);
        Assert.NotNull(context.Job.ProviderTaskId);
        Assert.Contains(context.Reports, r => r.Stage == "downloading");
    }

    [Fact]
    public async Task GenerateAsync_PreferWaitAnswersUnfinished_PollsAndSendsDeadlineHeaders()
    {
        var (marker, counters) = fakes.Scenario("polls=2");
        // 90 s left at the submit, exactly: the clock stands still, so a slow machine cannot eat into it.
        var clock = new StoppedClock(DateTimeOffset.UtcNow);
        var job = EngineJobs.Make(JobKind.Ppl, marker, "replicate") with { Deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(90) };
        var context = new TestEngineContext(job, clock);

        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal(2, counters.Polls);
        Assert.Equal("wait=60", counters.LastPrefer);
        Assert.Equal("90s", counters.LastCancelAfter);
    }

    [Fact]
    public async Task GenerateAsync_SyncModeFinishes_DoesNotPoll()
    {
        var (marker, counters) = fakes.Scenario("polls=0");
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, marker, "replicate", format: "jpeg"));

        var result = await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal("image/jpeg", result.ContentType);
        Assert.Equal(0, counters.Polls);
        Assert.Equal(1, counters.Submissions);
    }

    [Theory]
    [InlineData("output=list")]
    [InlineData("output=datauri")]
    [InlineData("early polls=3")]
    public async Task GenerateAsync_OtherUsableOutputShapes_ReturnImage(string spec)
    {
        var (marker, counters) = fakes.Scenario(spec);
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, marker, "replicate"));

        var result = await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(1, counters.Submissions);
        Assert.True(counters.Polls <= 3);
    }

    [Fact]
    public async Task GenerateAsync_GoodsJob_UsesKontextModelWithCatalogPrompt()
    {
        var (marker, counters) = fakes.Scenario("polls=1");
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Goods, $"pastel colours {marker}", "replicate", goodsType: "mug"));

        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), context, CancellationToken.None);

        var prediction = fakes.Host.State.Predictions[context.Job.ProviderTaskId ?? ""];
        Assert.Equal("black-forest-labs/flux-kontext-max", prediction.Model);
        Assert.Contains("ceramic coffee mug", prediction.Input["prompt"]?.ToString());
        Assert.Contains("pastel colours", prediction.Input["prompt"]?.ToString());
        Assert.Equal(1, counters.Submissions);
    }

    [Theory]
    [InlineData("jpeg", 5, "jpg", 2)]
    [InlineData("webp", 1, "png", 1)]
    [InlineData("png", 0, "png", 0)]
    public async Task GenerateAsync_Parameters_MappedToModelSchema(string format, int safety, string sentFormat, int sentSafety)
    {
        var (marker, _) = fakes.Scenario("polls=1");
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, marker, "replicate", format: format, safety: safety));

        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        var input = fakes.Host.State.Predictions[context.Job.ProviderTaskId ?? ""].Input;
        Assert.Equal(sentFormat, input["output_format"]?.ToString());
        Assert.Equal(sentSafety, input["safety_tolerance"]?.GetValue<int>());
        Assert.StartsWith("data:image/png;base64,", input["input_image_1"]?.ToString());
    }
}
