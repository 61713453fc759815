using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Security;

/// <summary>
/// Checks presented keys and session tokens in constant time. A session token is
/// <c>{session id}.{expiry}.{HMAC-SHA256(key, "toonstudio-session.v2." + id + "." + expiry)}</c>: any replica checks
/// it without shared state, and removing or rotating the key it was made from (a configuration reload) ends it.
/// Logging out puts the session id on a revocation list until the token would have expired anyway; that list is
/// in memory, so it holds on the replica that served the logout (see docs/security.md for what that leaves open).
/// </summary>
public sealed class ApiKeys(IOptionsMonitor<AuthOptions> options, TimeProvider time)
{
    private const string Purpose = "toonstudio-session.v2.";
    private const int MaxRevoked = 100_000;
    private readonly ConcurrentDictionary<string, long> _revoked = new(StringComparer.Ordinal);

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
        var id = Base64Url(RandomNumberGenerator.GetBytes(18));
        var expiry = (time.GetUtcNow() + options.CurrentValue.SessionLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{id}.{expiry}.{Sign(Keys()[keyIndex], id, expiry)}";
    }

    /// <summary>The index of the key the session was made from, or -1 when it is forged, expired, logged out or its key was removed.</summary>
    public int MatchSession(string? token)
    {
        if (Parse(token) is not (var id, var expiryText, var mac) || _revoked.ContainsKey(id))
        {
            return -1;
        }
        var presented = Encoding.ASCII.GetBytes(mac);
        var found = -1;
        var keys = Keys();
        for (var i = 0; i < keys.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(Sign(keys[i], id, expiryText))) && found < 0)
            {
                found = i;
            }
        }
        return found;
    }

    /// <summary>Ends a session (logout): a genuine token stops working at once; anything else is ignored.</summary>
    public void Revoke(string? token)
    {
        if (MatchSession(token) < 0 || Parse(token) is not (var id, var expiryText, _))
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (_revoked.Count >= MaxRevoked)
        {
            foreach (var (old, until) in _revoked)
            {
                if (until < now)
                {
                    _revoked.TryRemove(old, out _);
                }
            }
        }
        _revoked[id] = long.Parse(expiryText, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private (string Id, string Expiry, string Mac)? Parse(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length < 16
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            || expiry < time.GetUtcNow().ToUnixTimeSeconds())
        {
            return null;
        }
        return (parts[0], parts[1], parts[2]);
    }

    private List<string> Keys() => [.. options.CurrentValue.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim())];

    private static string Sign(string key, string id, string expiry) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Purpose + id + "." + expiry)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
