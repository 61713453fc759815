using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Webhooks;

/// <summary>
/// Outgoing webhooks (ToonStudio:Webhooks). Off until both a secret and at least one allowed host are set; then a
/// v1 create request may carry <c>webhook_url</c>, and the finished job is POSTed there, signed.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "ToonStudio:Webhooks";

    /// <summary>Signing secret in the Standard Webhooks form <c>whsec_&lt;base64&gt;</c> (as Replicate hands them out).</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Hosts webhooks may go to: <c>hooks.example.com</c> or <c>*.example.com</c> (https on 443 only), or an entry with
    /// scheme and port, <c>http://127.0.0.1:9000</c>, which admits exactly that origin (loopback test receivers).
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Attempts per delivery, the first included; then it is given up (and logged).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second attempt; each later wait is four times the one before, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take, connection included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks at the jobs it watches (a change signal is noticed at the next look).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>At start, jobs created within this window whose webhook is not yet delivered are picked up again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Secret) && AllowedHosts.Any(h => !string.IsNullOrWhiteSpace(h));

    /// <summary>The HMAC key: the base64 after <c>whsec_</c> (or the whole secret when it has no prefix).</summary>
    public byte[] Key() => Convert.FromBase64String((Secret ?? "").Trim().Split('_')[^1]);

    public bool SecretIsValid()
    {
        if (string.IsNullOrWhiteSpace(Secret))
        {
            return true;
        }
        try
        {
            return Key().Length >= 16;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        // In doubles, capped before converting: 4^n overflows a TimeSpan long before MaxAttempts' limit.
        var ticks = FirstRetryDelay.Ticks * Math.Pow(4, Math.Clamp(attempts - 1, 0, 40));
        return ticks < MaxRetryDelay.Ticks ? TimeSpan.FromTicks((long)ticks) : MaxRetryDelay;
    }
}
