using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;

namespace ToonStudio.Server.Hosting;

/// <summary>Once the server listens, logs where the UI is, which engines can be used and how to enable the others.</summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime, IServer server, EngineRegistry engines, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var line in Lines(addresses, engines.All.Select(e => e.Availability),
                engines.DefaultFor(JobKind.Ppl), engines.DefaultFor(JobKind.Goods)))
            {
                LogLine(logger, line);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The banner's lines: the UI's address, the usable engines with the defaults, the variables that enable the rest.</summary>
    internal static IReadOnlyList<string> Lines(IEnumerable<string> addresses, IEnumerable<EngineAvailability> engines, string defaultPpl, string defaultGoods)
    {
        var urls = addresses.Select(Browsable).ToList();
        var all = engines.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var usable = all.Where(e => e.Configured).Select(e => $"{e.Name} ({string.Join(", ", e.Kinds.Select(k => k.ToString().ToLowerInvariant()))})");
        var missing = all.Where(e => !e.Configured).Select(e => $"{e.Name}: set {e.MissingSetting}").ToList();
        var lines = new List<string>
        {
            urls.Count > 0 ? $"ToonStudio UI: {string.Join(" ", urls)} (API under /api, OpenAPI at /openapi/v1.json)" : "ToonStudio UI: no HTTP address",
            $"Engines available: {string.Join(", ", usable)}; default ppl={defaultPpl}, goods={defaultGoods}",
        };
        if (missing.Count > 0)
        {
            lines.Add($"Engines not configured ({string.Join("; ", missing)}), then restart");
        }
        return lines;
    }

    /// <summary>A listening address as a person opens it: wildcard hosts become localhost, with a trailing slash.</summary>
    internal static string Browsable(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return address;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogLine(ILogger logger, string line);
}
