using System.Net;
using ToonStudio.Server.Engines.Downloads;

namespace ToonStudio.Server.Tests.Engines.Downloads;

/// <summary>The download host allowlist on its own: defaults, configured hosts, refused addresses.</summary>
[Trait("Category", "Unit")]
public sealed class HostAllowlistTests
{
    private static readonly HostAllowlist Defaults = new(new DownloadOptions().AllowedHosts);

    [Theory]
    [InlineData("https://replicate.delivery/xezq/abc/out.png", true)]
    [InlineData("https://pbxt.replicate.delivery/abc/out.png", true)]
    [InlineData("https://delivery-eu1.bfl.ai/results/sample.jpeg?se=1&sig=2", true)]
    [InlineData("http://replicate.delivery/xezq/abc/out.png", false)]
    [InlineData("https://replicate.delivery:8443/out.png", false)]
    [InlineData("https://evilreplicate.delivery/out.png", false)]
    [InlineData("https://bfl.ai.evil.com/out.png", false)]
    [InlineData("https://127.0.0.1/out.png", false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    [InlineData("https://user:pw@replicate.delivery/out.png", false)]
    public void IsAllowed_DefaultList_OnlyProviderHostsOverHttps(string url, bool allowed) =>
        Assert.Equal(allowed, Defaults.IsAllowed(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.2:9000/file.png", true)]
    [InlineData("http://127.0.0.2:9001/file.png", false)]
    [InlineData("https://127.0.0.2:9000/file.png", false)]
    [InlineData("http://127.0.0.1:9000/file.png", false)]
    public void IsAllowed_EntryWithSchemeAndPort_AdmitsExactlyThatOrigin(string url, bool allowed) =>
        Assert.Equal(allowed, new HostAllowlist(["http://127.0.0.2:9000"]).IsAllowed(new Uri(url)));

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700::1111", true)]
    public void IsPublic_Address_RefusesLoopbackPrivateAndMetadata(string address, bool expected) =>
        Assert.Equal(expected, SafeConnect.IsPublic(IPAddress.Parse(address)));
}
