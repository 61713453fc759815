using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Engines.Replicate;

public sealed class ReplicateEngineFailureTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("end=e005", ErrorCode.Moderated)]
    [InlineData("end=failed", ErrorCode.ProviderFailed)]
    [InlineData("end=canceled", ErrorCode.ProviderFailed)]
    [InlineData("end=aborted", ErrorCode.GenerationTimeout)]
    [InlineData("end=removed", ErrorCode.ProviderFailed)]
    [InlineData("output=object", ErrorCode.UnexpectedProviderOutput)]
    [InlineData("output=number", ErrorCode.UnexpectedProviderOutput)]
    [InlineData("malformed=poll", ErrorCode.UnexpectedProviderOutput)]
    [InlineData("expire=0", ErrorCode.ProviderFailed)]
    [InlineData("output=foreign", ErrorCode.UnexpectedProviderOutput)]
    [InlineData("output=loopback", ErrorCode.UnexpectedProviderOutput)]
    public async Task GenerateAsync_TerminalFailure_MapsToCatalogWithoutResubmitting(string spec, string code)
    {
        var (marker, counters) = fakes.Scenario(spec);
        var context = Context("replicate", marker);

        await FailsAsync(_harness.Replicate, context, code);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(1, counters.Submissions);
        Assert.True(counters.Polls <= 20);
        // Only a prediction that may still be running (its poll answer was unreadable) is canceled.
        Assert.Equal(spec == "malformed=poll" ? 1 : 0, counters.Cancels);
    }

    [Fact]
    public async Task GenerateAsync_E005_ReportsReasonsAndKeepsNoProviderText()
    {
        var (marker, _) = fakes.Scenario("end=e005");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.Moderated);

        Assert.Contains("E005", error.Args["reasons"]);
        Assert.DoesNotContain("uIJ6l3ruRD", error.Detail);
    }

    [Theory]
    [InlineData("http=401", ErrorCode.ProviderAuthFailed)]
    [InlineData("http=402", ErrorCode.ProviderOutOfCredits)]
    [InlineData("http=422", ErrorCode.ProviderFailed)]
    public async Task GenerateAsync_NonTransientHttpError_FailsAfterOneAttempt(string spec, string code)
    {
        var (marker, counters) = fakes.Scenario(spec);

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), code);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(0, counters.Submissions);
        Assert.DoesNotContain("purchase", error.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("billing", error.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GenerateAsync_ValidationError_KeepsProviderMessage()
    {
        var (marker, _) = fakes.Scenario("http=422");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Contains("output_format must be one of", error.Detail);
    }

    [Theory]
    [InlineData("http=429 times=1 retry-after=0")]
    [InlineData("http=429 times=2 retry_after=0")]
    [InlineData("http=429 times=1")]
    [InlineData("http=503 times=2")]
    [InlineData("http=500 times=1")]
    public async Task GenerateAsync_TransientSubmitError_RetriesThenSucceedsWithOneSubmission(string spec)
    {
        var (marker, counters) = fakes.Scenario(spec);

        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), Context("replicate", marker), CancellationToken.None);

        Assert.Equal(1, counters.Submissions);
        Assert.Equal(counters.Rejected + 1, counters.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateAsync_Always429_RateLimitedAfterBoundedRetriesWithRetryAfter()
    {
        var (marker, counters) = fakes.Scenario("http=429 retry-after=0 retry_after=0");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderRateLimited);

        Assert.Equal(3, counters.SubmitAttempts);
        Assert.Equal(0, counters.Submissions);
        Assert.Equal(TimeSpan.Zero, error.RetryAfter);
    }

    [Fact]
    public async Task GenerateAsync_RetryAfterBeyondLimit_StopsAtOnceAndPassesItOn()
    {
        var (marker, counters) = fakes.Scenario("http=429 retry_after=120");

        var error = await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderRateLimited);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Fact]
    public async Task GenerateAsync_Always500_ProviderFailedAfterBoundedRetries()
    {
        var (marker, counters) = fakes.Scenario("http=500");

        await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.ProviderFailed);

        Assert.Equal(3, counters.SubmitAttempts);
        Assert.Equal(0, counters.Submissions);
    }

    [Fact]
    public async Task GenerateAsync_TransientPollError_RetriesPollOnly()
    {
        var (marker, counters) = fakes.Scenario("polls=2 poll-http=503 poll-times=1");

        await _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), Context("replicate", marker), CancellationToken.None);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(3, counters.Polls);
    }

    [Fact]
    public async Task GenerateAsync_NeverFinishes_TimesOutAtMaxPolls()
    {
        var (marker, counters) = fakes.Scenario("end=stuck");

        await FailsAsync(_harness.Replicate, Context("replicate", marker), ErrorCode.GenerationTimeout);

        Assert.Equal(20, counters.Polls);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(1, counters.Cancels);
    }
}
