using System.ComponentModel.DataAnnotations;
using ToonStudio.Server.Engines.Remote;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>Where results may be fetched from (ToonStudio:Downloads).</summary>
public sealed class DownloadOptions
{
    public const string SectionName = "ToonStudio:Downloads";

    /// <summary>
    /// Hosts results may come from: <c>replicate.delivery</c> (https only), <c>*.bfl.ai</c> (any subdomain, https
    /// only), or an entry with scheme and port, <c>http://127.0.0.2:9000</c>, which admits exactly that origin
    /// (how the fakes are allowed). A private address is reached only through an IP
    /// literal named exactly (<c>http://10.0.0.5:9000</c>): a host name resolving to one is always refused.
    /// </summary>
    [Required, MinLength(1)]
    public string[] AllowedHosts { get; set; } = ["replicate.delivery", "*.replicate.delivery", "*.bfl.ai"];

    [Range(1024, 500L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 30 * 1024 * 1024;

    [Range(0, 5)]
    public int MaxRedirects { get; set; } = 3;

    public ProviderResilienceOptions Resilience { get; set; } = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(500) };
}
