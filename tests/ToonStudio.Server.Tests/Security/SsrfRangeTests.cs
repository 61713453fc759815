using System.Net;
using ToonStudio.Server.Engines.Downloads;

namespace ToonStudio.Server.Tests.Security;

/// <summary>
/// The connect-time address check shared by result downloads and webhooks: one case per special-purpose range, the
/// embedded-IPv4 forms of IPv6, and exact allowlist names (which no longer skip the check).
/// </summary>
public sealed class SsrfRangeTests
{
    [Theory]
    [InlineData("0.0.0.0")]            // 0.0.0.0/8
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]           // 10/8
    [InlineData("100.64.0.1")]         // 100.64/10 CGNAT
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]          // loopback
    [InlineData("127.255.0.1")]
    [InlineData("169.254.169.254")]    // link-local, metadata
    [InlineData("172.16.0.1")]         // 172.16/12
    [InlineData("172.31.255.1")]
    [InlineData("192.0.0.1")]          // 192.0.0.0/24
    [InlineData("192.0.0.170")]
    [InlineData("192.0.2.10")]         // TEST-NET-1
    [InlineData("192.88.99.1")]        // 6to4 relay anycast
    [InlineData("192.168.1.1")]        // 192.168/16
    [InlineData("198.18.0.1")]         // 198.18/15 benchmarking
    [InlineData("198.19.255.254")]
    [InlineData("198.51.100.7")]       // TEST-NET-2
    [InlineData("203.0.113.9")]        // TEST-NET-3
    [InlineData("168.63.129.16")]      // Azure wire server
    [InlineData("224.0.0.1")]          // multicast
    [InlineData("240.0.0.1")]          // 240/4 reserved
    [InlineData("255.255.255.255")]
    public void IsPublic_SpecialPurposeIPv4_Refused(string address) =>
        Assert.False(SafeConnect.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("::")]                          // unspecified
    [InlineData("::1")]                         // loopback
    [InlineData("::10.0.0.1")]                  // IPv4-compatible ::/96
    [InlineData("::8.8.8.8")]                   // IPv4-compatible, even with a public IPv4
    [InlineData("::ffff:127.0.0.1")]            // IPv4-mapped
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0:10.0.0.1")]           // IPv4-translated (SIIT)
    [InlineData("64:ff9b::10.0.0.1")]           // NAT64 well-known prefix to a private IPv4
    [InlineData("64:ff9b::169.254.169.254")]
    [InlineData("64:ff9b::127.0.0.1")]
    [InlineData("64:ff9b:1::8.8.8.8")]          // NAT64 local-use 64:ff9b:1::/48
    [InlineData("64:ff9b:1:abcd::1")]
    [InlineData("2002:0a00:0001::1")]           // 6to4 of 10.0.0.1
    [InlineData("2002:a9fe:a9fe::1")]           // 6to4 of 169.254.169.254
    [InlineData("2002:7f00:0001::1")]           // 6to4 of 127.0.0.1
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo 2001::/32
    [InlineData("2001::1")]
    [InlineData("2001:db8::1")]                 // documentation
    [InlineData("3fff::1")]                     // documentation 3fff::/20
    [InlineData("2001:10::1")]                  // ORCHID
    [InlineData("100::1")]                      // discard
    [InlineData("fc00::1")]                     // unique local
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]                     // link-local
    [InlineData("fec0::1")]                     // site-local
    [InlineData("ff02::1")]                     // multicast
    public void IsPublic_SpecialPurposeIPv6_Refused(string address) =>
        Assert.False(SafeConnect.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]     // just below CGNAT
    [InlineData("100.128.0.1")]        // just above CGNAT
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("198.17.255.255")]     // just below benchmarking
    [InlineData("198.20.0.1")]         // just above benchmarking
    [InlineData("168.63.129.17")]
    [InlineData("223.255.255.254")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]   // NAT64 to a public IPv4: how IPv6-only clusters reach the providers
    [InlineData("2002:0808:0808::1")]  // 6to4 of 8.8.8.8
    [InlineData("2606:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("2001:4860:4860::8888")]
    public void IsPublic_GlobalUnicast_Admitted(string address) =>
        Assert.True(SafeConnect.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("http://localhost:9000")]
    [InlineData("localhost")]
    public async Task UsableAddresses_ExactlyAllowlistedNameResolvingInward_Refused(string entry)
    {
        // The name resolves to loopback: an exact entry no longer skips the address check (DNS can be pointed anywhere).
        await Assert.ThrowsAsync<DownloadRefusedException>(() =>
            SafeConnect.UsableAddressesAsync("localhost", new HostAllowlist([entry]), CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:9000", true)]
    [InlineData("[::1]", "http://[::1]:9000", true)]
    [InlineData("127.0.0.1", "http://127.0.0.2:9000", false)]
    [InlineData("10.0.0.5", "*.example.com", false)]
    [InlineData("169.254.169.254", "replicate.delivery", false)]
    public async Task UsableAddresses_PrivateIpLiteral_OnlyWhenNamedExactly(string host, string entry, bool admitted)
    {
        var allowlist = new HostAllowlist([entry]);

        if (admitted)
        {
            var addresses = await SafeConnect.UsableAddressesAsync(host, allowlist, CancellationToken.None);
            Assert.Equal(IPAddress.Parse(host.Trim('[', ']')), Assert.Single(addresses));
        }
        else
        {
            await Assert.ThrowsAsync<DownloadRefusedException>(() => SafeConnect.UsableAddressesAsync(host, allowlist, CancellationToken.None));
        }
    }

    [Fact]
    public async Task UsableAddresses_PublicIpLiteral_AdmittedWithoutAnEntry()
    {
        var addresses = await SafeConnect.UsableAddressesAsync("8.8.8.8", new HostAllowlist([]), CancellationToken.None);

        Assert.Equal(IPAddress.Parse("8.8.8.8"), Assert.Single(addresses));
    }
}
