using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Jobs;

/// <summary>Idempotency, cancel, deadline, disconnect: with an engine the test holds, so nothing depends on timing.</summary>
public sealed class JobLifecycleTests
{
    [Fact]
    public async Task CreateJob_SameIdempotencyKey_ReturnsSameJobAndGeneratesOnce()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var image = TestImages.Png();

        var first = await PostWithKeyAsync(client, Forms.Goods(character: image), "key-1");
        var second = await PostWithKeyAsync(client, Forms.Goods(character: image), "key-1");
        engine.Release.SetResult();
        await client.WaitForJobAsync(first);

        Assert.Equal(first, second);
        Assert.Equal(1, engine.Calls);
    }

    [Fact]
    public async Task CreateJob_IdempotencyKeyReusedForOtherRequest_Answers409()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();
        await PostWithKeyAsync(client, Forms.Goods(goodsType: "mug"), "key-2");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = Forms.Goods(goodsType: "poster") };
        request.Headers.Add("Idempotency-Key", "key-2");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idempotency_conflict", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task CancelJob_WhileRunning_EndsCanceledAndStopsTheEngine()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/ppl", Forms.Ppl())).JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        await engine.Canceled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var job = await client.WaitForJobAsync(id);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("canceled", job.Str("status"));
        Assert.Equal("canceled", job["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task CompatibleEndpoint_PastDeadline_Answers504WithKoreanMessage()
    {
        var engine = new ControlledEngine();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var app = new ToonStudioApplication(services: ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), ToonStudioApplication.WithTime(time)));
        using var client = app.CreateClient();

        var pending = client.PostAsync("/api/goods-gen/generate", Forms.Goods());
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("generation_timeout", problem.Str("code"));
        Assert.Equal("이미지 생성이 2분 내에 완료되지 않았습니다", problem.Str("error").TrimEnd('.'));
        Assert.Equal("timed_out", (await client.GetJobAsync(problem.Str("jobId"))).Str("status"));
    }

    [Fact]
    public async Task CompatibleEndpoint_ClientDisconnects_JobCompletesAndResultStaysRetrievable()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        using var gone = new CancellationTokenSource();

        var pending = client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(), gone.Token);
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        engine.Release.SetResult();

        var list = await (await client.GetAsync("/api/v1/jobs?kind=ppl")).JsonAsync();
        var id = list["items"]!.AsArray().Single()!["id"]!.GetValue<string>();
        var job = await client.WaitForJobAsync(id);
        Assert.Equal("succeeded", job.Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/jobs/{id}/result")).StatusCode);
    }

    [Fact]
    public async Task DeleteJob_WhileRunning_CancelsTheRunAndRemovesEverything()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/goods", Forms.Goods())).JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var deleted = await client.DeleteAsync($"/api/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(engine.Canceled.Task.IsCompleted);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "jobs", id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task GetJobResult_OfCanceledJob_Answers409NotA5xx()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/ppl", Forms.Ppl())).JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        await client.WaitForJobAsync(id);

        using var result = await client.GetAsync($"/api/v1/jobs/{id}/result");

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal("not_ready", (await result.JsonAsync()).Str("code"));
    }

    private static async Task<string> PostWithKeyAsync(HttpClient client, HttpContent content, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }
}
