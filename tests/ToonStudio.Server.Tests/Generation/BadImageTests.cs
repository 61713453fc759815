using System.Net;
using System.Text;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Generation;

/// <summary>Each class of bad image gets its own 4xx code, naming the field — never a 5xx, never a decode of a bomb.</summary>
public sealed class BadImageTests : IDisposable
{
    private readonly ToonStudioApplication _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, HttpStatusCode, string> BadImages() => new()
    {
        { "zero bytes", HttpStatusCode.BadRequest, "invalid_image" },
        { "text named .png", HttpStatusCode.UnsupportedMediaType, "unsupported_image" },
        { "truncated PNG", HttpStatusCode.BadRequest, "invalid_image" },
        { "PNG claiming 30000×30000", HttpStatusCode.RequestEntityTooLarge, "image_too_large" },
        { "6 MB upload", HttpStatusCode.RequestEntityTooLarge, "image_too_large" },
        { "GIF", HttpStatusCode.UnsupportedMediaType, "unsupported_image" },
        { "SVG", HttpStatusCode.UnsupportedMediaType, "unsupported_image" },
        { "PNG header only", HttpStatusCode.BadRequest, "invalid_image" },
    };

    /// <summary>Built here, not in the theory data: a 6 MB array in test data slows discovery to a crawl.</summary>
    private static byte[] Make(string what)
    {
        var png = TestImages.Png(400, 400);
        var random = new byte[6 * 1024 * 1024];
        new Random(1).NextBytes(random);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(random, 0);
        return what switch
        {
            "zero bytes" => [],
            "text named .png" => Encoding.UTF8.GetBytes("this is not an image, just text"),
            "truncated PNG" => png[..(png.Length / 2)],
            "PNG claiming 30000×30000" => PngForgery.ClaimingSize(30000, 30000),
            "6 MB upload" => random,
            "GIF" => Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="),
            "SVG" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"),
            "PNG header only" => png[..33],
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
    }

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task GenerateGoods_BadImage_AnswersItsCode(string what, HttpStatusCode status, string code)
    {
        var image = Make(what);
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(character: image));

        Assert.True(status == response.StatusCode, $"{what}: {response.StatusCode}");
        var problem = await response.JsonAsync();
        Assert.Equal(code, problem.Str("code"));
        Assert.Equal("input_image", problem.Str("field"));
    }

    [Fact]
    public async Task GeneratePpl_BadProductImage_NamesSecondField()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(product: Encoding.UTF8.GetBytes("GIF89a nope")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("input_image_2", (await response.JsonAsync()).Str("field"));
    }

    [Fact]
    public async Task GenerateGoods_JpegAndWebp_Accepted()
    {
        using var client = _app.CreateClient();
        using var jpeg = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(character: TestImages.Jpeg()));
        using var webp = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(character: TestImages.Webp()));

        Assert.Equal(HttpStatusCode.OK, jpeg.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webp.StatusCode);
    }
}
