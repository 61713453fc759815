using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Tests.Support;
using ToonStudio.Server.Webhooks;

namespace ToonStudio.Server.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(Key);

    private static ToonStudioApplication App(WebhookReceiver receiver, int maxAttempts = 8) => new(Settings(receiver, maxAttempts));

    private static Dictionary<string, string?> Settings(WebhookReceiver receiver, int maxAttempts) => new()
    {
        ["ToonStudio:Webhooks:Secret"] = Secret,
        ["ToonStudio:Webhooks:AllowedHosts:0"] = receiver.Origin,
        ["ToonStudio:Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Tiny delays so the suite needs no clock; the schedule itself is checked in WebhookOptionsTests.
        ["ToonStudio:Webhooks:FirstRetryDelay"] = "00:00:00.010",
        ["ToonStudio:Webhooks:PollInterval"] = "00:00:00.010",
    };

    /// <summary>
    /// A process creates a job whose webhook fails once (the next retry is an hour away) and stops: the settings and
    /// data folder a next process starts from, and the job's id.
    /// </summary>
    private static async Task<(Dictionary<string, string?> Settings, string DataPath, string Id)> FirstAttemptFailedInAnEarlierProcessAsync(WebhookReceiver receiver)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
        var settings = Settings(receiver, 8);
        settings["ToonStudio:Webhooks:FirstRetryDelay"] = "01:00:00";
        using var first = new ToonStudioApplication(settings, dataPath: dataPath);
        using var client = first.CreateClient();
        var id = await CreateAsync(client, $"{receiver.Origin}/hook");
        await WaitForDeliveryAsync(first, id, d => d.Attempts == 1);
        return (settings, dataPath, id);
    }

    private static async Task<string> CreateAsync(HttpClient client, string webhookUrl)
    {
        using var response = await client.PostAsync("/api/v1/goods", Forms.Goods(goodsType: "sticker", fields: new Dictionary<string, string?> { ["webhook_url"] = webhookUrl }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.JsonAsync()).Str("id");
    }

    [Fact]
    public async Task FinishedJob_PostsSignedJobJson()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = App(receiver);
        using var client = app.CreateClient();

        var id = await CreateAsync(client, $"{receiver.Origin}/hooks/toon?token=abc");
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal("/hooks/toon", hook.Path);
        Assert.Equal($"msg_{id}", hook.Id);
        Assert.True(WebhookSigner.Verify(Key, hook.Id!, long.Parse(hook.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), hook.Body, hook.Signature!));
        Assert.StartsWith("v1,", hook.Signature, StringComparison.Ordinal);
        var job = JsonNode.Parse(hook.Body)!.AsObject();
        Assert.Equal(id, job.Str("id"));
        Assert.Equal("succeeded", job.Str("status"));
        Assert.False(WebhookSigner.Verify(Key, hook.Id!, 1, hook.Body, hook.Signature!), "the timestamp is part of what is signed");
    }

    [Fact]
    public async Task ReceiverFails_RetriedWithTheSameIdUntilDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503);
        using var app = App(receiver);
        using var client = app.CreateClient();

        var id = await CreateAsync(client, $"{receiver.Origin}/hook");
        var hooks = await receiver.WaitForAsync(3);

        Assert.All(hooks, h => Assert.Equal($"msg_{id}", h.Id));
        Assert.All(hooks, h => Assert.True(WebhookSigner.Verify(Key, h.Id!, long.Parse(h.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), h.Body, h.Signature!)));
        var delivery = await WaitForDeliveryAsync(app, id, d => d.Done);
        Assert.Equal(3, delivery.Attempts);
        Assert.NotNull(delivery.DeliveredAt);
        Assert.Equal(200, delivery.LastStatus);
    }

    [Fact]
    public async Task ReceiverRedirects_NotFollowedAndGivenUpAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(302, 302);
        using var app = App(receiver, maxAttempts: 2);
        using var client = app.CreateClient();

        var id = await CreateAsync(client, $"{receiver.Origin}/hook");
        var delivery = await WaitForDeliveryAsync(app, id, d => d.Done);

        Assert.True(delivery.GaveUp);
        Assert.Null(delivery.DeliveredAt);
        Assert.Equal(302, delivery.LastStatus);
        Assert.All(receiver.Requests, r => Assert.Equal("/hook", r.Path));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Restart_UndeliveredWebhook_ResumedWithTheSameId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var (settings, dataPath, id) = await FirstAttemptFailedInAnEarlierProcessAsync(receiver);
        Assert.Single(receiver.Requests);

        // The next process, an hour and more later (a fake clock: the retry is due, nothing sleeps).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var second = new ToonStudioApplication(settings, ToonStudioApplication.WithTime(clock), dataPath);
        _ = second.CreateClient();
        var delivery = await WaitForDeliveryAsync(second, id, d => d.DeliveredAt is not null, () => clock.Advance(TimeSpan.FromMinutes(5)));

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal($"msg_{id}", r.Id));
        Assert.Equal(2, delivery.Attempts);
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task Retry_HostRemovedFromTheAllowlist_GivenUpWithoutAnotherAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500);
        var (settings, dataPath, id) = await FirstAttemptFailedInAnEarlierProcessAsync(receiver);

        // The operator takes the receiver off the allowlist; the retry comes due an hour later (fake clock).
        settings["ToonStudio:Webhooks:AllowedHosts:0"] = "hooks.example.com";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var second = new ToonStudioApplication(settings, ToonStudioApplication.WithTime(clock), dataPath);
        _ = second.CreateClient();
        var delivery = await WaitForDeliveryAsync(second, id, d => d.Done, () => clock.Advance(TimeSpan.FromMinutes(5)));

        Assert.True(delivery.GaveUp);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal("host no longer allowed", delivery.LastError);
        Assert.Single(receiver.Requests);
        Directory.Delete(dataPath, recursive: true);
    }

    [Theory]
    [InlineData("http://example.com/hook")]
    [InlineData("https://example.com/hook")]
    [InlineData("https://user:pw@127.0.0.1/hook")]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    public async Task Create_WebhookUrlOffTheAllowlist_Answers400NamingTheField(string url)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var app = App(receiver);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["webhook_url"] = url }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("webhook_url", (await response.JsonAsync()).Str("field"));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Create_WebhooksNotConfigured_Answers400()
    {
        using var app = new ToonStudioApplication();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/v1/goods", Forms.Goods(fields: new Dictionary<string, string?> { ["webhook_url"] = "https://example.com/hook" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("webhook_url", (await response.JsonAsync()).Str("field"));
    }

    /// <summary>Reads the job row until its delivery state satisfies <paramref name="until"/>; bounded by 600 × 50 ms.</summary>
    private static async Task<DeliveryState> WaitForDeliveryAsync(ToonStudioApplication app, string id, Func<DeliveryState, bool> until, Action? tick = null)
    {
        var store = app.Services.GetRequiredService<IJobStore>();
        for (var i = 0; i < 600; i++)
        {
            if ((await store.GetAsync(id, CancellationToken.None))?.Webhook is { } delivery && until(delivery))
            {
                return delivery;
            }
            tick?.Invoke();
            await Task.Delay(50);
        }
        throw new TimeoutException($"The webhook of job {id} did not reach the expected state");
    }
}
