using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Security;

/// <summary>Optional API keys (ToonStudio:Auth). No keys: the API is open, as before.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "ToonStudio:Auth";

    /// <summary>Accepted keys, sent as <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>; empty entries are ignored.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>How long the browser's session cookie (made from a key on <c>/login/</c>) stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    public bool Enabled => ApiKeys.Any(k => !string.IsNullOrWhiteSpace(k));
}
