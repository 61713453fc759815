using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;
using static ToonStudio.Server.Tests.Engines.Support.EngineAssert;

namespace ToonStudio.Server.Tests.Engines.Bfl;

public sealed class BflEngineTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GenerateAsync_ReadyAfterThreePolls_PollsRegionalUrlVerbatimAndKeepsCost()
    {
        var (marker, counters) = fakes.Scenario("polls=3");
        var wrongHostBefore = fakes.Host.State.BflWrongHostPolls;
        var context = Context("bfl", marker, JobKind.Goods);

        var result = await _harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), context, CancellationToken.None);

        Assert.Equal("image/png", result.ContentType);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Downloads);
        Assert.Equal(wrongHostBefore, fakes.Host.State.BflWrongHostPolls);
        Assert.StartsWith(FakesFixture.Origin(fakes.Urls.BflRegional), context.Job.ProviderPollingUrl);
        Assert.Equal(8, context.Job.Cost);
        var progress = context.Reports.Where(r => r.Stage == "generating").Select(r => r.Progress ?? 0).ToList();
        Assert.Equal(progress.Order(), progress);
        Assert.True(progress[^1] > progress[0]);
    }

    [Fact]
    public async Task GenerateAsync_PplJob_SendsBothImagesAsBareBase64AndJpeg()
    {
        var (marker, _) = fakes.Scenario("polls=1");
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, marker, "bfl", format: "jpeg", aspect: "match_input_image"));

        var result = await _harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None);

        Assert.Equal("image/jpeg", result.ContentType);
        var request = fakes.Host.State.BflTasks[context.Job.ProviderTaskId ?? ""].Request;
        Assert.StartsWith("iVBOR", request["input_image"]?.ToString());
        Assert.StartsWith("iVBOR", request["input_image_2"]?.ToString());
        Assert.Equal("jpeg", request["output_format"]?.ToString());
        Assert.Equal("1:1", request["aspect_ratio"]?.ToString());
    }

    [Theory]
    [InlineData("end=request-moderated", ErrorCode.Moderated, "Sexual Content")]
    [InlineData("end=content-moderated", ErrorCode.Moderated, "Derivative Works Filter")]
    [InlineData("end=error", ErrorCode.ProviderFailed, "Internal generation error")]
    [InlineData("end=failed", ErrorCode.ProviderFailed, "Failed")]
    [InlineData("end=unknown status=Reasoning", ErrorCode.UnexpectedProviderOutput, "Reasoning")]
    [InlineData("malformed=poll", ErrorCode.UnexpectedProviderOutput, "JSON")]
    [InlineData("expire=0", ErrorCode.ProviderFailed, "403")]
    public async Task GenerateAsync_TerminalStatus_MapsToCatalogAfterOneSubmission(string spec, string code, string detail)
    {
        var (marker, counters) = fakes.Scenario(spec);

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), code);

        Assert.Contains(detail, error.Detail);
        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(1, counters.Submissions);
        Assert.True(counters.Polls <= 20);
    }

    [Fact]
    public async Task GenerateAsync_Moderated_PutsReasonsInArgs()
    {
        var (marker, _) = fakes.Scenario("end=content-moderated");

        var error = await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.Moderated);

        Assert.Equal("Derivative Works Filter", error.Args["reasons"]);
    }

    [Fact]
    public async Task GenerateAsync_TaskNotFound_FailsAfterGracePolls()
    {
        var (marker, counters) = fakes.Scenario("end=not-found polls=1");

        await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.ProviderFailed);

        Assert.Equal(3, counters.Polls);
    }

    [Fact]
    public async Task GenerateAsync_NeverReady_StopsAtMaxPolls()
    {
        var (marker, counters) = fakes.Scenario("end=stuck");

        await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.GenerationTimeout);

        Assert.Equal(20, counters.Polls);
        Assert.Equal(1, counters.Submissions);
    }

    [Fact]
    public async Task GenerateAsync_MalformedSubmitAnswer_UnexpectedOutputWithoutResubmitting()
    {
        var (marker, counters) = fakes.Scenario("malformed=submit");

        await FailsAsync(_harness.Bfl, Context("bfl", marker, JobKind.Goods), ErrorCode.UnexpectedProviderOutput);

        Assert.Equal(1, counters.SubmitAttempts);
        Assert.Equal(1, counters.Submissions);
    }

    [Fact]
    public async Task GenerateAsync_PollingUrlOnGlobalHost_PolledThereVerbatim()
    {
        var (marker, counters) = fakes.Scenario("polls=2 poll-host=global");
        var context = Context("bfl", marker, JobKind.Goods);

        await _harness.Bfl.GenerateAsync(EngineJobs.Inputs(JobKind.Goods), context, CancellationToken.None);

        Assert.StartsWith(FakesFixture.Origin(fakes.Urls.BflApi), context.Job.ProviderPollingUrl);
        Assert.Equal(2, counters.Polls);
    }
}
