using Microsoft.Extensions.Options;
using ToonStudio.Server.Engines.Downloads;

namespace ToonStudio.Server.Webhooks;

/// <summary>Registers the webhook options, URL check, sender and dispatcher.</summary>
public static class WebhookExtensions
{
    /// <summary>Options, the URL check, the signed sender (no redirects, only allowlisted hosts) and the dispatcher.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.SecretIsValid(), "ToonStudio:Webhooks:Secret must be whsec_ followed by base64 of at least 16 bytes")
            .ValidateOnStart();
        services.AddSingleton<WebhookUrls>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        // No default HttpClient logging: receiver URLs often carry a token in their query.
        services.AddHttpClient(WebhookSender.ClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    // The same guard as result downloads: a name resolving to a private address (DNS rebinding) is always
                    // refused; only an IP literal named exactly in the allowlist may be private.
                    ConnectCallback = (context, ct) => SafeConnect.ConnectAsync(context, new HostAllowlist(options.CurrentValue.AllowedHosts), ct),
                };
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        return builder;
    }
}
