using System.ComponentModel.DataAnnotations;
using ToonStudio.Server.Engines.Remote;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>ToonStudio:Bfl. The key is BFL_API_KEY at the configuration root, never this section.</summary>
public sealed class BflOptions
{
    public const string SectionName = "ToonStudio:Bfl";
    public const string KeyVariable = "BFL_API_KEY";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.bfl.ai");

    /// <summary>The endpoint under /v1/: <c>flux-kontext-max</c> or <c>flux-kontext-pro</c>.</summary>
    [Required, RegularExpression("^[a-z0-9.-]+$")]
    public string Model { get; set; } = "flux-kontext-max";

    /// <summary>Pause before each poll of <c>polling_url</c> (BFL's samples use 0.5 s; 1 s halves the traffic).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int MaxPolls { get; set; } = 120;

    /// <summary>
    /// Hosts a <c>polling_url</c> may point at (it carries our key). Same syntax as the download allowlist; the
    /// BaseUrl's own origin is always allowed. The default is BFL's documented API hosts by exact name — the global
    /// one, the EU and US multi-cluster ones and the legacy single-cluster ones — never a wildcard: a subdomain
    /// anyone can get pointed somewhere (a dangling record, a delivery bucket) must not receive the key.
    /// </summary>
    public string[] PollingHosts { get; set; } = ["api.bfl.ai", "api.eu.bfl.ai", "api.us.bfl.ai", "api.eu1.bfl.ai", "api.us1.bfl.ai"];

    /// <summary>BFL's cap on active tasks per key (429 beyond it), kept below on our side so load never meets it.</summary>
    [Range(1, 1000)]
    public int MaxActiveTasks { get; set; } = 24;

    /// <summary>Lower caps of single models ("flux-kontext-max": 6 per BFL's docs).</summary>
    public Dictionary<string, int> ModelActiveTasks { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["flux-kontext-max"] = 6 };

    /// <summary>Statuses that mean "still working". Every other status ends the polling (BFL's own advice).</summary>
    public string[] InProgressStatuses { get; set; } = ["Pending"];

    /// <summary>"Task not found" right after a submit can be replication lag: tolerate this many before failing.</summary>
    [Range(0, 10)]
    public int NotFoundGrace { get; set; } = 2;

    [Range(256, 4096)]
    public int MaxInputEdge { get; set; } = 1024;

    public ProviderResilienceOptions Resilience { get; set; } = new();

    /// <summary>Filled from <see cref="KeyVariable"/>, trimmed; null when unset.</summary>
    internal string? ApiKey { get; set; }
}
