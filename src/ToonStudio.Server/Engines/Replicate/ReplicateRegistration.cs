using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>Registers the Replicate engine: its options, HTTP client and metrics.</summary>
public static class ReplicateRegistration
{
    /// <summary>The Replicate engine. A missing REPLICATE_API_TOKEN only makes it unavailable; the server still starts.</summary>
    public static IHostApplicationBuilder AddReplicateEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReplicateOptions>().BindConfiguration(ReplicateOptions.SectionName)
            .PostConfigure<IConfiguration>((o, config) => o.ApiToken = RemoteProviderSetup.Read(config, ReplicateOptions.TokenVariable))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddResultDownloads();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ToonStudioMetrics>();
        // No default HttpClient logging: its Trace header lines carry the raw Authorization value in their state.
        services.AddHttpClient<ReplicateClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers().UseProviderHandler()
            .AddProviderResilience(ReplicateEngine.EngineName, sp => sp.GetRequiredService<IOptionsMonitor<ReplicateOptions>>().CurrentValue.Resilience)
            .AddOptionalProviderMetrics(ReplicateEngine.EngineName);
        services.AddSingleton<ReplicateInputs>();
        services.AddSingleton<ReplicateOutcome>();
        services.AddSingleton<IImageEngine, ReplicateEngine>();
        return builder;
    }
}
