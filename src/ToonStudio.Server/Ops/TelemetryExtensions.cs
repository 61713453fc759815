using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ToonStudio.Server.Ops.Logging;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Ops.Tracing;

namespace ToonStudio.Server.Ops;

/// <summary>Registers metrics, tracing and the serve options, and maps <c>/metrics</c>.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Metrics for <c>/metrics</c> (ToonStudio's instruments, ASP.NET Core, HttpClient and the runtime's own
    /// <c>System.Runtime</c> meter, built into .NET 9+ so no runtime instrumentation package is needed),
    /// traces over OTLP only when an endpoint is configured, and
    /// <c>ToonStudio:Serve</c> (<see cref="ServeOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddToonStudioTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();

        builder.Services.TryAddSingleton<ToonStudioMetrics>();
        builder.Services.AddSingleton<JobTraceLinks>();
        builder.Services.AddHostedService<QueueDepthSampler>();

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("toonstudio"))
            .WithMetrics(metrics => metrics
                .AddMeter(ToonStudioMetrics.MeterName, "System.Runtime")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // No response cache: every scrape sees the counts of that moment (only the cluster reaches /metrics).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        var otlpFromEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (options.OtlpEndpoint is not null || otlpFromEnvironment)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(ToonStudioActivities.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbeOrScrape(ctx.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(o =>
                {
                    if (options.OtlpEndpoint is not null)
                    {
                        o.Endpoint = options.OtlpEndpoint;
                    }
                }));
        }

        return builder;
    }

    /// <summary>Prometheus text format at <c>GET /metrics</c>.</summary>
    public static WebApplication MapToonStudioMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
