using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Security;

/// <summary>Optional API keys (ToonStudio:Auth). No keys: the API is open, as before.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "ToonStudio:Auth";

    /// <summary>Shorter keys are refused at start: a key is all that stands between the internet and the provider credit.</summary>
    public const int MinKeyLength = 16;

    /// <summary>Accepted keys, sent as <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>; empty entries are ignored.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>How long the browser's session cookie (made from a key on <c>/login/</c>) stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed sign-ins and 401s a client may have within <see cref="FailureWindow"/> before it gets 429 (0: no limit).</summary>
    [Range(0, 10_000)]
    public int MaxFailures { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => ApiKeys.Any(k => !string.IsNullOrWhiteSpace(k));

    /// <summary>Refuses to start with a key shorter than <see cref="MinKeyLength"/>, naming the setting (never the key).</summary>
    public sealed class Validator : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            var failures = options.ApiKeys
                .Select((key, i) => (Index: i, Length: key?.Trim().Length ?? 0))
                .Where(k => k.Length is > 0 and < MinKeyLength)
                .Select(k => $"{SectionName}:ApiKeys:{k.Index} is {k.Length} characters long; every API key needs at least {MinKeyLength} (random ones: `openssl rand -base64 24`).")
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
