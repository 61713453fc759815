using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Security;

/// <summary>
/// Checks presented keys and session tokens in constant time. A session token is
/// <c>{expiry}.{HMAC-SHA256(key, "toonstudio-session." + expiry)}</c>: nothing is stored on the server, and removing
/// a key from the configuration ends every session made from it.
/// </summary>
public sealed class ApiKeys(IOptionsMonitor<AuthOptions> options, TimeProvider time)
{
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>The index of the matching key, or -1. Every key is compared, each in constant time, so timing tells nothing.</summary>
    public int Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return -1;
        }
        var probe = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = -1;
        var keys = Keys();
        for (var i = 0; i < keys.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(probe, SHA256.HashData(Encoding.UTF8.GetBytes(keys[i]))) && found < 0)
            {
                found = i;
            }
        }
        return found;
    }

    public string NewSession(int keyIndex)
    {
        var expiry = (time.GetUtcNow() + options.CurrentValue.SessionLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{expiry}.{Sign(Keys()[keyIndex], expiry)}";
    }

    /// <summary>The index of the key the session was made from, or -1 when it is forged, expired or its key was removed.</summary>
    public int MatchSession(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return -1;
        }
        var expiryText = token[..dot];
        var presented = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        var found = -1;
        var keys = Keys();
        for (var i = 0; i < keys.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(Sign(keys[i], expiryText))) && found < 0)
            {
                found = i;
            }
        }
        return found;
    }

    private List<string> Keys() => [.. options.CurrentValue.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim())];

    private static string Sign(string key, string expiry) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("toonstudio-session." + expiry)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
