using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>A second loopback host standing in for "somewhere else": it records every request's headers and answers 200.</summary>
public sealed class LoopbackCatcher : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _received = new();

    private LoopbackCatcher(WebApplication app) => _app = app;

    public string Origin { get; private set; } = "";

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _received];

    public static async Task<LoopbackCatcher> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var catcher = new LoopbackCatcher(app);
        app.Run(context =>
        {
            catcher._received.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            return context.Response.WriteAsJsonAsync(new { id = "caught", status = "Ready" });
        });
        await app.StartAsync();
        catcher.Origin = app.Urls.Single().TrimEnd('/');
        return catcher;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
