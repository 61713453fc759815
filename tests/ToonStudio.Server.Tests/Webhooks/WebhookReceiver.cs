using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ToonStudio.Server.Tests.Webhooks;

/// <summary>A real Kestrel receiver on 127.0.0.1:0 that records every request and answers the scripted statuses in turn.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, string? Id, string? Timestamp, string? Signature, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new ConcurrentQueue<int>(statuses);
    }

    public string Origin { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>Starts a receiver; after the scripted statuses run out it answers 200. 302 answers redirect to /elsewhere.</summary>
    public static async Task<WebhookReceiver> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, statuses);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Origin = app.Urls.Single().TrimEnd('/');
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived in all; bounded by <paramref name="seconds"/> of real time.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (_received.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }
        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        _received.Enqueue(new Received(context.Request.Path, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], body.ToArray()));
        var status = _statuses.TryDequeue(out var s) ? s : 200;
        context.Response.StatusCode = status;
        if (status == 302)
        {
            context.Response.Headers.Location = "/elsewhere";
        }
        _arrived.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
