using System.Net;
using System.Net.Sockets;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>
/// Connects only to public addresses, whatever the host name — an exact allowlist entry included, since DNS for it
/// can change (rebinding) or be pointed inward. The one exception is an IP literal the allowlist names exactly
/// (<c>http://127.0.0.2:9000</c>): no resolution happens there, so the address is the operator's own choice.
/// </summary>
public static class SafeConnect
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, HostAllowlist allowlist, CancellationToken ct)
    {
        var usable = await UsableAddressesAsync(context.DnsEndPoint.Host, allowlist, ct);
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

    /// <summary>The addresses a connection to <paramref name="host"/> may use; refused when none is public (see the type).</summary>
    public static async Task<IPAddress[]> UsableAddressesAsync(string host, HostAllowlist allowlist, CancellationToken ct)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return IsPublic(literal) || allowlist.IsNamedExactly(host) ? [literal] : throw new DownloadRefusedException($"{host} is not a public address");
        }
        var usable = (await Dns.GetHostAddressesAsync(host, ct)).Where(IsPublic).ToArray();
        return usable.Length > 0 ? usable : throw new DownloadRefusedException($"{host} resolves to no public address");
    }

    /// <summary>
    /// False for every special-purpose range of the IANA registries a request must not reach: loopback, private,
    /// shared (CGNAT), link-local (cloud metadata), benchmarking, documentation, multicast, reserved, Azure's wire
    /// server, and IPv6 forms that embed or tunnel to IPv4 (mapped, compatible, NAT64, 6to4, Teredo) unless the
    /// embedded IPv4 is itself public.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address.GetAddressBytes()),
            _ => false,
        };
    }

    private static bool IsPublicV4(ReadOnlySpan<byte> b) => !(
        b[0] == 0                                        // 0.0.0.0/8 "this network"
        || b[0] == 10                                    // 10.0.0.0/8
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)    // 100.64.0.0/10 shared address space (CGNAT)
        || b[0] == 127                                   // 127.0.0.0/8 loopback
        || (b[0] == 169 && b[1] == 254)                  // 169.254.0.0/16 link-local, cloud metadata
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)     // 172.16.0.0/12
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // 192.0.0.0/24 IETF protocol assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // 192.0.2.0/24 TEST-NET-1
        || (b[0] == 192 && b[1] == 88 && b[2] == 99)     // 192.88.99.0/24 6to4 relay anycast
        || (b[0] == 192 && b[1] == 168)                  // 192.168.0.0/16
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // 198.18.0.0/15 benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // 198.51.100.0/24 TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // 203.0.113.0/24 TEST-NET-3
        || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16) // Azure wire server / DNS
        || b[0] >= 224);                                 // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved, broadcast

    private static bool IsPublicV6(byte[] b)
    {
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return false; // ::/96: unspecified, loopback and the deprecated IPv4-compatible form
        }
        var w0 = (b[0] << 8) | b[1];
        var w1 = (b[2] << 8) | b[3];
        if (w0 == 0x0064 && w1 == 0xff9b)
        {
            // 64:ff9b::/96 well-known NAT64 prefix: the gateway connects to the embedded IPv4, which decides.
            // 64:ff9b:1::/48 (local-use NAT64) is outside 2000::/3 and refused below.
            return b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 && IsPublicV4(b.AsSpan(12, 4));
        }
        if (b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0 && b[10] == 0xff && b[11] == 0xff)
        {
            return IsPublicV4(b.AsSpan(12, 4)); // ::ffff:0:0/96 IPv4-mapped (normally unwrapped above)
        }
        if (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return IsPublicV4(b.AsSpan(12, 4)); // ::ffff:0:0:0/96 IPv4-translated (SIIT)
        }
        if ((b[0] & 0xe0) != 0x20)
        {
            return false; // outside 2000::/3 global unicast: discard, unique local, link/site-local, multicast, reserved
        }
        if (w0 == 0x2002)
        {
            return IsPublicV4(b.AsSpan(2, 4)); // 2002::/16 6to4: the relay reaches the embedded IPv4
        }
        return !(
            (w0 == 0x2001 && w1 == 0x0000)               // 2001::/32 Teredo (tunnels to an obfuscated IPv4)
            || (w0 == 0x2001 && w1 == 0x0db8)            // 2001:db8::/32 documentation
            || (w0 == 0x2001 && (w1 & 0xfff0) == 0x0010) // 2001:10::/28 ORCHID
            || (w0 == 0x3fff && (w1 & 0xf000) == 0));    // 3fff::/20 documentation
    }
}

/// <summary>A result location the server will not fetch from.</summary>
public sealed class DownloadRefusedException(string reason) : Exception(reason);
