using System.Collections.Concurrent;
using System.Diagnostics;
using ToonStudio.Server.Ops.Tracing;
using ToonStudio.Server.Tests.Engines.Support;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Ops;

/// <summary>One trace per job: the upload request, the job's run under it, and the provider calls under the run.</summary>
public sealed class TraceTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    [Fact]
    public async Task GoodsJob_OnTheBflFake_TracesUploadRunAndProviderCallsAsOneTree()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ToonStudioActivities.SourceName or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var app = new ToonStudioApplication(EngineHarness.Settings(fakes));
        using var client = app.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods")
        {
            Content = Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "bfl" }),
        };
        request.Headers.Add("Prefer", "wait=30");
        using var response = await client.SendAsync(request);
        var job = await response.JsonAsync();

        Assert.Equal("succeeded", job.Str("status"));
        var run = Assert.Single(stopped, a => a.OperationName == "toonstudio.job" && Equals(a.GetTagItem(ToonStudioActivities.JobIdTag), job.Str("id")));
        var upload = Assert.Single(stopped, a => a.Source.Name == "Microsoft.AspNetCore" && a.SpanId == run.ParentSpanId);
        Assert.Equal(upload.TraceId, run.TraceId);
        Assert.Equal("bfl", run.GetTagItem(ToonStudioActivities.EngineTag));
        Assert.Equal("succeeded", run.GetTagItem("toonstudio.status"));
        var calls = stopped.Where(a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == run.SpanId).ToList();
        Assert.Contains(calls, c => c.DisplayName.StartsWith("POST", StringComparison.Ordinal)); // submit
        Assert.Contains(calls, c => c.DisplayName.StartsWith("GET", StringComparison.Ordinal));  // poll, download
        Assert.All(calls, c => Assert.Equal(run.TraceId, c.TraceId));
    }
}
