using Microsoft.Extensions.DependencyInjection;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Security;

/// <summary>
/// SSRF cases the downloader's own tests (Engines/Downloads) leave out: IPv6 loopback, private ranges, http where
/// https is required, and an allowed origin redirecting to loopback or the metadata service.
/// </summary>
public sealed class DownloadSsrfTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes);

    private ResultDownloader Downloader => _harness.Services.GetRequiredService<ResultDownloader>();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("https://[::1]/out.png")]
    [InlineData("http://[::1]:8080/out.png")]
    [InlineData("https://10.0.0.5/out.png")]
    [InlineData("https://192.168.1.1/out.png")]
    [InlineData("https://[fd00::1]/out.png")]
    [InlineData("http://replicate.delivery/out.png")]
    [InlineData("http://delivery-eu1.bfl.ai/out.png")]
    [InlineData("https://localhost/out.png")]
    public async Task DownloadAsync_PrivateOrPlainHttp_Refused(string url)
    {
        var error = await Assert.ThrowsAsync<ToonStudioException>(() => Downloader.DownloadAsync("Replicate", url, CancellationToken.None));

        Assert.Equal(ErrorCode.UnexpectedProviderOutput, error.Code);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:6379/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.1/")]
    public async Task DownloadAsync_AllowedOriginRedirectsInward_Refused(string target)
    {
        var files = FakesFixture.Origin(fakes.Urls.ReplicateFiles);

        var error = await Assert.ThrowsAsync<ToonStudioException>(() =>
            Downloader.DownloadAsync("Replicate", $"{files}/redirect?to={Uri.EscapeDataString(target)}", CancellationToken.None));

        Assert.Contains("redirect", error.Detail);
    }
}
