using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Security;

/// <summary>
/// Per-client limit on the generation endpoints (ToonStudio:RateLimit): a token bucket per API key, or per remote
/// address without one. Generous by default (600 a minute, like Replicate's own create limit): it stops a runaway script, not a studio at work.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "ToonStudio:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained rate of generation requests per client.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Requests a client may make at once before the sustained rate applies.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 600;
}
