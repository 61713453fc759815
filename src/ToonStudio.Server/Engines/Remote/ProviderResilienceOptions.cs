using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>Retry, timeout and circuit-breaker settings of one provider's HTTP client (…:Resilience:…).</summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>Retries after the first attempt, for 429, 5xx and transport failures only.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step (exponential, jittered) when the provider names no delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After / retry_after honoured; a longer one ends the retries at once (the job would miss its deadline anyway).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One HTTP attempt; a create holding <c>Prefer: wait</c> gets this on top of its wait.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
