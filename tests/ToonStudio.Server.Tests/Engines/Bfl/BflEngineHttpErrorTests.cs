using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Engines.Bfl;

public sealed class BflEngineHttpErrorTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("http=401", ErrorCode.ProviderAuthFailed)]
    [InlineData("http=402", ErrorCode.ProviderOutOfCredits)]
    [InlineData("http=422", ErrorCode.ProviderFailed)]
    public async Task GenerateAsync_NonTransientSubmitError_OneAttemptNoRetry(string spec, string code)
    {
        var (marker, counters) = fakes.Scenario(spec);

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), code);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(0, counters.Submissions);
        Assert.DoesNotContain(FakesFixture.BflKey, error.Detail);
    }

    [Fact]
    public async Task GenerateAsync_ValidationError_KeepsFieldAndMessage()
    {
        var (marker, _) = fakes.Scenario("http=422");

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderFailed);

        Assert.Contains("body.safety_tolerance: Input should be less than or equal to 6", error.Detail);
    }

    [Theory]
    [InlineData("http=429 times=1 retry-after=0")]
    [InlineData("http=429 times=1 retry_after=0")]
    [InlineData("http=429 times=2")]
    [InlineData("http=503 times=1")]
    [InlineData("http=500 times=2")]
    [InlineData("poll-http=503 poll-times=1 polls=1")]
    public async Task GenerateAsync_TransientError_RetriedWithOneSubmission(string spec)
    {
        var (marker, counters) = fakes.Scenario(spec);

        await _harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), Context("bfl", marker, JobKind.Goods), CancellationToken.None);

        Assert.Equal(1, counters.Submissions);
        Assert.True(counters.Rejected >= 1);
    }

    [Fact]
    public async Task GenerateAsync_Always429WithRetryAfter_RateLimitedAndPassesRetryAfterOn()
    {
        var (marker, counters) = fakes.Scenario("http=429 retry-after=0");

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderRateLimited);

        Assert.Equal(3, counters.SubmitAttempts);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public async Task GenerateAsync_Always503_ProviderFailedAfterBoundedRetries()
    {
        var (marker, counters) = fakes.Scenario("http=503");

        await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderFailed);

        Assert.Equal(3, counters.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateAsync_PollingUrlOnUnlistedHost_RefusedBeforeSendingTheKey()
    {
        using var harness = new EngineHarness(fakes, new Dictionary<string, string?> { ["ToonStudio:Bfl:PollingHosts:0"] = "*.bfl.ai" });
        var (marker, counters) = fakes.Scenario("polls=1");

        await FailsAsync(harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.UnexpectedProviderOutput);

        Assert.Equal(1, counters.Submissions);
        Assert.Equal(0, counters.Polls);
    }

    [Fact]
    public async Task GenerateAsync_ResumedWithPollingUrl_PollsWithoutSubmitting()
    {
        var (marker, counters) = fakes.Scenario("polls=2");
        var (id, pollingUrl) = await FakeDirect.SubmitBflAsync(fakes, marker);
        var job = EngineJobs.Make(JobKind.Goods, marker, "bfl") with { ProviderTaskId = id, ProviderPollingUrl = pollingUrl, ProviderSubmissions = 1 };
        var resumed = new TestEngineContext(job);

        var result = await _harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), resumed, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(2, counters.Polls);
        Assert.Equal(0, resumed.Accepted);
    }
}
