using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Tests.Ops;
using ToonStudio.Server.Tests.Support;
using ToonStudio.Server.Tests.Webhooks;
using ToonStudio.Server.Webhooks;

namespace ToonStudio.Server.Tests.Coverage;

/// <summary>A job claimed after its deadline, a run that loses its lease, and webhooks of jobs that did not succeed.</summary>
public sealed class RunnerAndWebhookEdgeTests
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static Dictionary<string, string?> WebhookSettings(WebhookReceiver receiver, int maxAttempts = 8) => new()
    {
        ["ToonStudio:Webhooks:Secret"] = Secret,
        ["ToonStudio:Webhooks:AllowedHosts:0"] = receiver.Origin,
        ["ToonStudio:Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ToonStudio:Webhooks:FirstRetryDelay"] = "00:00:00.010",
        ["ToonStudio:Webhooks:PollInterval"] = "00:00:00.010",
    };

    private static async Task<string> CreateWithWebhookAsync(HttpClient client, string webhookUrl)
    {
        using var response = await client.PostAsync("/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["webhook_url"] = webhookUrl }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }

    private static async Task<DeliveryState> WaitForDeliveryAsync(ToonStudioApplication app, string id)
    {
        var store = app.Services.GetRequiredService<IJobStore>();
        DeliveryState? delivery = null;
        await Wait.UntilAsync(
            async () => (delivery = (await store.GetAsync(id, CancellationToken.None))?.Webhook) is { Done: true },
            TimeSpan.FromSeconds(30),
            () => $"the webhook of job {id} delivered or given up");
        return delivery!;
    }

    /// <summary>Puts a queued job straight into the store, as a replica would have left it, and wakes the runner.</summary>
    private static async Task<Job> EnqueueAsync(ToonStudioApplication app, Func<Job, Job> shape)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var job = shape(new Job
        {
            Id = JobIds.New(),
            Kind = JobKind.Goods,
            Engine = "local",
            Parameters = new JobParameters("a cat", "1:1", OutputFormat.Png, 2, 42, "mug"),
            CreatedAt = now,
            Deadline = now.AddMinutes(2),
            InputCount = 1,
        });
        await app.Services.GetRequiredService<ToonStudio.Server.Storage.IBlobStore>().PutAsync(JobBlobs.Input(job.Id, 1), TestImages.Png(), "image/png", CancellationToken.None);
        Assert.True((await app.Services.GetRequiredService<IJobStore>().CreateAsync(job, CancellationToken.None)).Created);
        await app.Services.GetRequiredService<IJobEventBus>().PublishQueuedAsync(CancellationToken.None);
        return job;
    }

    [Fact]
    public async Task JobClaimedAfterItsDeadline_EndsTimedOutWithoutRunningTheEngine_AndItsWebhookSaysSo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(WebhookSettings(receiver), ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();

        var job = await EnqueueAsync(app, j => j with { Deadline = j.CreatedAt - TimeSpan.FromSeconds(1), WebhookUrl = $"{receiver.Origin}/late" });
        app.Services.GetRequiredService<WebhookDispatcher>().Follow(job.Id);
        var done = await client.WaitForJobAsync(job.Id);
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal("timed_out", done.Str("status"));
        Assert.Equal("generation_timeout", done["error"]!["code"]!.GetValue<string>());
        Assert.Equal(0, engine.Calls);
        var posted = JsonNode.Parse(hook.Body)!.AsObject();
        Assert.Equal(job.Id, posted.Str("id"));
        Assert.Equal("timed_out", posted.Str("status"));
        Assert.Equal("generation_timeout", posted["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task FailedJob_WebhookCarriesTheFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = new ToonStudioApplication(WebhookSettings(receiver), ToonStudioApplication.WithEngine(new ScriptedEngine("local", ScriptedEngine.Outcome.Fail)));
        using var client = app.CreateClient();

        var id = await CreateWithWebhookAsync(client, $"{receiver.Origin}/failed");
        var hook = (await receiver.WaitForAsync(1)).Single();

        var posted = JsonNode.Parse(hook.Body)!.AsObject();
        Assert.Equal(id, posted.Str("id"));
        Assert.Equal("failed", posted.Str("status"));
        Assert.Equal("provider_failed", posted["error"]!["code"]!.GetValue<string>());
        Assert.True((await WaitForDeliveryAsync(app, id)).DeliveredAt is not null);
    }

    [Fact]
    public async Task CanceledJob_WebhookCarriesTheCancel()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(WebhookSettings(receiver), ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();

        var id = await CreateWithWebhookAsync(client, $"{receiver.Origin}/canceled");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(receiver.Requests);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        var hook = (await receiver.WaitForAsync(1)).Single();

        var posted = JsonNode.Parse(hook.Body)!.AsObject();
        Assert.Equal("canceled", posted.Str("status"));
        Assert.Equal("canceled", posted["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReceiverAnswers5xxEveryTime_GivenUpAfterMaxAttempts_WithTheLastStatus()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 502, 500, 500);
        using var app = new ToonStudioApplication(WebhookSettings(receiver, maxAttempts: 3));
        using var client = app.CreateClient();

        var id = await CreateWithWebhookAsync(client, $"{receiver.Origin}/down");
        var delivery = await WaitForDeliveryAsync(app, id);

        Assert.True(delivery.GaveUp);
        Assert.Null(delivery.DeliveredAt);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(502, delivery.LastStatus);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal($"msg_{id}", r.Id));
    }

    [Fact]
    public async Task RunThatLosesItsLease_StopsTheEngine_AndLeavesTheJobToItsNewOwner()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(
            new Dictionary<string, string?> { ["ToonStudio:Runner:Lease"] = "00:00:30", ["ToonStudio:Generation:Timeout"] = "00:10:00" },
            ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), ToonStudioApplication.WithTime(time)));
        using var client = app.CreateClient();
        // The app's own in-flight gauge (toonstudio_jobs_in_flight): +1 when a run starts, -1 once the runner let go of it.
        using var inFlight = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ToonStudioMetrics.MeterName, "toonstudio_jobs_in_flight");
        using var created = await client.PostAsync("/api/v1/goods", Forms.Goods());
        var id = (await created.JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Another replica took the job over (its lease expired there, say): this run's next renewal must fail.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataPath, "toonstudio.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET lease_owner = 'other-replica', lease_until = $until WHERE id = $id";
            command.Parameters.AddWithValue("$until", time.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        // The heartbeat renews every lease/3 = 10 s of the fake clock.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!engine.Canceled.Task.IsCompleted)
        {
            Assert.False(timeout.IsCancellationRequested, "The run never noticed that it lost its lease.");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(engine.Canceled.Task, Task.Delay(20, timeout.Token));
        }
        await Wait.UntilAsync(() => inFlight.GetMeasurementSnapshot() is { Count: 2 } m && m.Sum(x => x.Value) == 0, TimeSpan.FromSeconds(30),
            () => $"the runner to let go of job {id} (in-flight changes: {string.Join(", ", inFlight.GetMeasurementSnapshot().Select(x => x.Value))})");

        var job = await app.Services.GetRequiredService<IJobStore>().GetAsync(id, CancellationToken.None);
        Assert.NotNull(job);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal("other-replica", job.LeaseOwner);
        Assert.Null(job.ErrorCode);
        Assert.Equal(1, engine.Calls);
    }
}
