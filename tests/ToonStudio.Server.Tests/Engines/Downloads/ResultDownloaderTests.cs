using Microsoft.Extensions.DependencyInjection;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Downloads;

public sealed class ResultDownloaderTests(FakesFixture fakes) : IClassFixture<FakesFixture>, IDisposable
{
    private readonly EngineHarness _harness = new(fakes, new Dictionary<string, string?> { ["ToonStudio:Downloads:MaxBytes"] = "4096" });

    private ResultDownloader Downloader => _harness.Services.GetRequiredService<ResultDownloader>();

    private string Files => FakesFixture.Origin(fakes.Urls.ReplicateFiles);

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("http://127.0.0.1:1/secret.png")]
    [InlineData("https://127.0.0.1/secret.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://replicate.delivery/out.png")]
    public async Task DownloadAsync_OutsideAllowlist_RefusedAndLogged(string url)
    {
        var error = await Assert.ThrowsAsync<ToonStudioException>(() => Downloader.DownloadAsync("Replicate", url, CancellationToken.None));

        Assert.Equal(ErrorCode.UnexpectedProviderOutput, error.Code);
    }

    [Fact]
    public async Task DownloadAsync_HostRefused_LogsWithoutQuery()
    {
        await Assert.ThrowsAsync<ToonStudioException>(() => Downloader.DownloadAsync("BFL", "http://169.254.169.254/x?sig=SECRETSIG", CancellationToken.None));

        var line = Assert.Single(_harness.Logs.GetSnapshot(), r => r.Message.Contains("Download refused", StringComparison.Ordinal));
        Assert.Contains("169.254.169.254", line.Message);
        Assert.DoesNotContain("SECRETSIG", line.Message);
    }

    [Fact]
    public async Task DownloadAsync_RedirectWithinOrigin_Followed()
    {
        var path = Put("same-origin.png", EngineJobs.Png(4, 4, SkiaSharp.SKColors.Red).Png);

        var image = await Downloader.DownloadAsync("Replicate", $"{Files}/redirect?to={Uri.EscapeDataString(Files + "/" + path)}", CancellationToken.None);

        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public async Task DownloadAsync_RedirectToOtherOrigin_Refused()
    {
        var path = Put("elsewhere.png", EngineJobs.Png(4, 4, SkiaSharp.SKColors.Red).Png);
        var other = FakesFixture.Origin(fakes.Urls.BflApi) + "/" + path;

        var error = await Assert.ThrowsAsync<ToonStudioException>(() =>
            Downloader.DownloadAsync("Replicate", $"{Files}/redirect?to={Uri.EscapeDataString(other)}", CancellationToken.None));

        Assert.Contains("redirect", error.Detail);
    }

    [Fact]
    public async Task DownloadAsync_NotAnImage_Refused()
    {
        var path = Put("page.png", "<html>not an image</html>"u8.ToArray());

        var error = await Assert.ThrowsAsync<ToonStudioException>(() => Downloader.DownloadAsync("Replicate", $"{Files}/{path}", CancellationToken.None));

        Assert.Equal(ErrorCode.UnexpectedProviderOutput, error.Code);
    }

    [Fact]
    public async Task DownloadAsync_OverSizeCap_Refused()
    {
        var path = Put("huge.png", EngineJobs.Png(400, 400, SkiaSharp.SKColors.Red).Png.Concat(new byte[8192]).ToArray());

        var error = await Assert.ThrowsAsync<ToonStudioException>(() => Downloader.DownloadAsync("Replicate", $"{Files}/{path}", CancellationToken.None));

        Assert.Contains("larger than 4096 bytes", error.Detail);
    }

    [Fact]
    public async Task DownloadAsync_DataUri_DecodedAndSniffed()
    {
        var png = EngineJobs.Png(4, 4, SkiaSharp.SKColors.Red).Png;

        var image = await Downloader.DownloadAsync("Replicate", DataUri.Encode(png, "image/png"), CancellationToken.None);

        Assert.Equal(png, image.Bytes);
    }

    private string Put(string name, byte[] bytes)
    {
        var path = $"test/{Guid.NewGuid():N}/{name}";
        fakes.Host.State.Files[path] = new FakeProviders.StoredFile(bytes, "image/png", DateTimeOffset.UtcNow.AddHours(1), null);
        return path;
    }
}
