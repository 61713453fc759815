using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Engines.Remote;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>Registers the result downloader and its HTTP client.</summary>
public static class DownloadRegistration
{
    /// <summary>The result downloader both remote engines share; safe to call more than once.</summary>
    public static IServiceCollection AddResultDownloads(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ResultDownloader)))
        {
            return services;
        }
        services.AddOptions<DownloadOptions>().BindConfiguration(DownloadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResultDownloader>();
        // No default HttpClient logging: it would write signed result URLs (their sig= is a credential) to the log.
        services.AddHttpClient(ResultDownloader.ClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<DownloadOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    ConnectCallback = (context, ct) => SafeConnect.ConnectAsync(context, new HostAllowlist(options.CurrentValue.AllowedHosts), ct),
                };
            })
            .AddProviderResilience("downloads", sp => sp.GetRequiredService<IOptionsMonitor<DownloadOptions>>().CurrentValue.Resilience);
        return services;
    }
}
