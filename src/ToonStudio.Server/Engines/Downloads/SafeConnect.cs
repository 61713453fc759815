using System.Net;
using System.Net.Sockets;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>
/// Connects only to public addresses unless the host is named exactly in the allowlist, so a wildcard entry
/// (<c>*.bfl.ai</c>) or DNS rebinding can never reach loopback, the cloud metadata service or the cluster.
/// </summary>
public static class SafeConnect
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, HostAllowlist allowlist, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var exact = allowlist.IsNamedExactly(host);
        var usable = addresses.Where(a => exact || IsPublic(a)).ToArray();
        if (usable.Length == 0)
        {
            throw new DownloadRefusedException($"{host} resolves to no public address");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }
}

/// <summary>A result location the server will not fetch from.</summary>
public sealed class DownloadRefusedException(string reason) : Exception(reason);
