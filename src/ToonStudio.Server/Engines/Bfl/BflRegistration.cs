using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>Registers the Black Forest Labs engine: its options, HTTP client and metrics.</summary>
public static class BflRegistration
{
    /// <summary>The BFL engine. A missing BFL_API_KEY only makes it unavailable; the server still starts.</summary>
    public static IHostApplicationBuilder AddBflEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BflOptions>().BindConfiguration(BflOptions.SectionName)
            .PostConfigure<IConfiguration>((o, config) => o.ApiKey = RemoteProviderSetup.Read(config, BflOptions.KeyVariable))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddResultDownloads();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ToonStudioMetrics>();
        // No default HttpClient logging: its Trace header lines carry the raw x-key value in their state.
        services.AddHttpClient<BflClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers().UseProviderHandler()
            .AddProviderResilience(BflEngine.EngineName, sp => sp.GetRequiredService<IOptionsMonitor<BflOptions>>().CurrentValue.Resilience)
            .AddOptionalProviderMetrics(BflEngine.EngineName);
        services.AddSingleton<BflConcurrency>();
        services.AddSingleton<BflOutcome>();
        services.AddSingleton<IImageEngine, BflEngine>();
        return builder;
    }
}
