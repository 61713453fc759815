using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Ops;

/// <summary>
/// <c>GET /metrics</c> after a success, a failure, a timeout, a cancel in the queue and a refused upload. Each test has its own server,
/// but OpenTelemetry listens to every "ToonStudio" meter in the process, so the counts are read as the
/// difference between two scrapes and this class runs alone.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsScrapeTests
{
    [Fact]
    public async Task Metrics_AfterSuccessFailureTimeoutAndRejection_CountJobsByKindEngineAndStatus()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", CultureInfo.InvariantCulture));
        var hanging = new ScriptedEngine("bfl", ScriptedEngine.Outcome.HangUntilCanceled);
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Runner:Concurrency:bfl"] = "1" }, ToonStudioApplication.Combine(
            ToonStudioApplication.WithEngine(new ScriptedEngine("local", ScriptedEngine.Outcome.Succeed)),
            ToonStudioApplication.WithEngine(new ScriptedEngine("replicate", ScriptedEngine.Outcome.Fail)),
            ToonStudioApplication.WithEngine(hanging),
            ToonStudioApplication.WithTime(time)));
        using var client = app.CreateClient();
        var before = await ScrapeAsync(client);

        var succeeded = await CreateAsync(client, "/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "local" }), wait: true);
        var failed = await CreateAsync(client, "/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "replicate" }), wait: true);
        var (timedOut, _) = await CreateAsync(client, "/api/v1/ppl", Forms.Ppl(fields: new Dictionary<string, string?> { ["engine"] = "bfl" }), wait: false);
        await hanging.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The one bfl slot is taken, so this job waits in the queue until it is canceled there.
        var (queued, _) = await CreateAsync(client, "/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "bfl" }), wait: false);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{queued}/cancel", null);
        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var ended = await app.Services.GetRequiredService<JobWaiter>().WaitAsync(timedOut, TimeSpan.FromHours(1), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        using var refused = await client.PostAsync("/api/v1/goods", Forms.Goods(character: "not an image at all"u8.ToArray()));
        var after = await ScrapeAsync(client);

        Assert.Equal("succeeded", succeeded.Status);
        Assert.Equal("failed", failed.Status);
        Assert.Equal(JobStatus.TimedOut, ended?.Status);
        Assert.Equal("canceled", (await cancel.JsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - Before(before, name, labels);

        Assert.Equal(1, Delta("toonstudio_jobs_created_total", ("kind", "goods"), ("engine", "local")));
        Assert.Equal(1, Delta("toonstudio_jobs_created_total", ("kind", "ppl"), ("engine", "bfl")));
        Assert.Equal(1, Delta("toonstudio_jobs_completed_total", ("kind", "goods"), ("engine", "local"), ("status", "succeeded")));
        Assert.Equal(1, Delta("toonstudio_jobs_completed_total", ("kind", "goods"), ("engine", "replicate"), ("status", "failed")));
        Assert.Equal(1, Delta("toonstudio_jobs_completed_total", ("kind", "ppl"), ("engine", "bfl"), ("status", "timed_out")));
        Assert.Equal(1, Delta("toonstudio_jobs_completed_total", ("kind", "goods"), ("engine", "bfl"), ("status", "canceled")));
        Assert.Equal(1, Delta("toonstudio_job_duration_seconds_count", ("kind", "ppl"), ("engine", "bfl"), ("status", "timed_out")));
        // The fake clock moved 2 min 1 s while the job hung: its duration lands in the 120–180 s bucket.
        Assert.Equal(0, Delta("toonstudio_job_duration_seconds_bucket", ("kind", "ppl"), ("engine", "bfl"), ("status", "timed_out"), ("le", "120")));
        Assert.Equal(1, Delta("toonstudio_job_duration_seconds_bucket", ("kind", "ppl"), ("engine", "bfl"), ("status", "timed_out"), ("le", "180")));
        Assert.InRange(Delta("toonstudio_job_duration_seconds_sum", ("kind", "ppl"), ("engine", "bfl"), ("status", "timed_out")), 121, 122);
        Assert.Equal(0, after.Value("toonstudio_jobs_in_flight", ("kind", "ppl"), ("engine", "bfl")));
        Assert.Equal(1, Delta("toonstudio_intake_rejections_total", ("code", "unsupported_image")));
        Assert.Equal(4, Delta("toonstudio_upload_size_bytes_count", ("field", "input_image"))); // the refused one too
        Assert.Equal(1, Delta("toonstudio_upload_size_bytes_count", ("field", "input_image_1")));
        Assert.Contains(after.Samples, s => s.Name == "toonstudio_queue_depth");
        Assert.Contains(after.Samples, s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        Assert.Contains(after.Samples, s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal));
    }

    private static double Before(PrometheusText before, string name, (string Key, string Value)[] labels) =>
        before.Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<(string Id, string Status)> CreateAsync(HttpClient client, string path, MultipartFormDataContent form, bool wait)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (wait)
        {
            request.Headers.Add("Prefer", "wait=30");
        }
        using var response = await client.SendAsync(request);
        var job = await response.JsonAsync();
        return (job.Str("id"), job.Str("status"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
