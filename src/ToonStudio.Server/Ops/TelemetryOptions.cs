using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Ops;

/// <summary>
/// <c>ToonStudio:Telemetry</c>. Metrics are always on at <c>/metrics</c>; traces are exported only when an OTLP
/// endpoint is set here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "ToonStudio:Telemetry";

    /// <summary>OTLP collector for traces, e.g. <c>http://otel-collector:4317</c>; off when empty.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often <c>toonstudio_queue_depth</c> is read from the job store.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueueDepthInterval { get; set; } = TimeSpan.FromSeconds(15);
}
