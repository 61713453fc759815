using System.Net;
using ToonStudio.Server.Core;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Generation;

/// <summary>The earlier system's endpoints with its exact field names, against the real local engine.</summary>
public sealed class CompatibleApiTests : IDisposable
{
    private readonly ToonStudioApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task GeneratePpl_SeedFields_ReturnsPngWithJobAndEngineHeaders()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47]));
        Assert.Equal("local", response.Headers.GetValues("X-Engine").Single());
        var jobId = response.Headers.GetValues("X-Job-Id").Single();
        Assert.Equal("succeeded", (await client.GetJobAsync(jobId)).Str("status"));
    }

    [Fact]
    public async Task GeneratePpl_OutputFormatJpeg_ReturnsJpeg()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(fields: new Dictionary<string, string?> { ["output_format"] = "jpeg" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
    }

    [Theory]
    [InlineData("mug")]
    [InlineData("tshirt")]
    [InlineData("sticker")]
    public async Task GenerateGoods_SeedFields_ReturnsPng(string goodsType)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(goodsType: goodsType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var jobId = response.Headers.GetValues("X-Job-Id").Single();
        var job = await client.GetJobAsync(jobId);
        Assert.Contains(job["artifacts"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "print.png");
    }

    [Fact]
    public async Task GenerateGoods_WithoutGoodsType_UsesDefaultType()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(fields: new Dictionary<string, string?> { ["goods_type"] = null }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = await client.GetJobAsync(response.Headers.GetValues("X-Job-Id").Single());
        Assert.Equal("tshirt", job["parameters"]!["goodsType"]!.GetValue<string>());
    }
}
