using System.ComponentModel.DataAnnotations;
using ToonStudio.Server.Engines.Remote;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>ToonStudio:Replicate. The token is REPLICATE_API_TOKEN at the configuration root, never this section.</summary>
public sealed class ReplicateOptions
{
    public const string SectionName = "ToonStudio:Replicate";
    public const string TokenVariable = "REPLICATE_API_TOKEN";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.replicate.com");

    /// <summary>Two-image model used for PPL (<c>…/multi-image-kontext-pro</c> is the cheaper sibling).</summary>
    [Required]
    public string PplModel { get; set; } = "flux-kontext-apps/multi-image-kontext-max";

    /// <summary>One-image model used for goods when the Replicate engine is chosen for them.</summary>
    [Required]
    public string GoodsModel { get; set; } = "black-forest-labs/flux-kontext-max";

    /// <summary>
    /// Sync-mode hold (<c>Prefer: wait=N</c>); Replicate caps it at 60 s, and a shorter deadline shortens it. Off by default:
    /// during the hold the prediction id is unknown to us, so a crash, kill -9 or SIGTERM in it made the restarted job
    /// submit (and pay) again — the reliability suite saw every in-flight task submitted twice. Without it the id is
    /// stored at once and a restart resumes polling; the price is up to one poll interval of latency.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PreferWait { get; set; } = TimeSpan.Zero;

    /// <summary>First pause between polls of <c>urls.get</c>; each later one is 1.5× longer up to <see cref="MaxPollInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int MaxPolls { get; set; } = 120;

    /// <summary>Inputs up to this size go inline as data URIs (Replicate's advice: ≤ 256 KB); larger ones through the Files API.</summary>
    [Range(0, 10 * 1024 * 1024)]
    public int InlineMaxBytes { get; set; } = 256 * 1024;

    [Range(256, 4096)]
    public int MaxInputEdge { get; set; } = 1024;

    /// <summary>How long our cancel may take once the job is over (best effort; the job does not wait longer).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public ProviderResilienceOptions Resilience { get; set; } = new();

    /// <summary>Filled from <see cref="TokenVariable"/>, trimmed; null when unset.</summary>
    internal string? ApiToken { get; set; }
}
