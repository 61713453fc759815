using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>What the Replicate and BFL registrations share: reading the provider's key and counting its HTTP attempts.</summary>
public static class RemoteProviderSetup
{
    /// <summary>REPLICATE_API_TOKEN / BFL_API_KEY from the configuration root, trimmed (secrets often end in a newline); null when blank.</summary>
    public static string? Read(IConfiguration configuration, string variable) =>
        configuration[variable]?.Trim() is { Length: > 0 } key ? key : null;

    /// <summary>Counts each attempt in toonstudio_provider_requests_total when the metrics are registered (tests may leave them out).</summary>
    public static IHttpClientBuilder AddOptionalProviderMetrics(this IHttpClientBuilder builder, string provider) =>
        builder.AddHttpMessageHandler(sp => sp.GetService<ToonStudioMetrics>() is { } metrics
            ? new ProviderMetricsHandler(provider, metrics)
            : new PassThroughHandler());

    /// <summary>Stands in for the metrics handler when no metrics are registered.</summary>
    private sealed class PassThroughHandler : DelegatingHandler;
}
