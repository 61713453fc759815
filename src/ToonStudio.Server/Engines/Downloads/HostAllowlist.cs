using System.Net;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>
/// Parsed <see cref="DownloadOptions.AllowedHosts"/>. Plain and wildcard entries admit https on port 443 only;
/// an entry with a scheme (and port) admits exactly that origin. IP literals never match a wildcard.
/// </summary>
public sealed class HostAllowlist
{
    private readonly List<(string? Scheme, string Host, int? Port, bool Wildcard)> _entries = [];

    public HostAllowlist(IEnumerable<string> entries)
    {
        foreach (var raw in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (raw.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(raw, UriKind.Absolute, out var origin))
            {
                _entries.Add((origin.Scheme, origin.IdnHost.ToLowerInvariant(), origin.Port, false));
            }
            else if (raw.StartsWith("*.", StringComparison.Ordinal))
            {
                _entries.Add((null, raw[1..].ToLowerInvariant(), null, true));
            }
            else
            {
                _entries.Add((null, raw.ToLowerInvariant(), null, false));
            }
        }
    }

    public bool IsAllowed(Uri url)
    {
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }
        var host = url.IdnHost.ToLowerInvariant();
        var isIp = IPAddress.TryParse(host.Trim('[', ']'), out _);
        foreach (var (scheme, entryHost, port, wildcard) in _entries)
        {
            if (scheme is not null)
            {
                if (url.Scheme == scheme && host == entryHost && url.Port == port)
                {
                    return true;
                }
                continue;
            }
            var https = url.Scheme == Uri.UriSchemeHttps && url.Port == 443;
            if (https && (wildcard ? !isIp && host.EndsWith(entryHost, StringComparison.Ordinal) : host == entryHost))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when the host is named exactly (not only through a wildcard): for an IP literal, a private address is then the operator's choice.</summary>
    public bool IsNamedExactly(string host) =>
        _entries.Any(e => !e.Wildcard && e.Host.Trim('[', ']') == host.ToLowerInvariant().Trim('[', ']'));
}
