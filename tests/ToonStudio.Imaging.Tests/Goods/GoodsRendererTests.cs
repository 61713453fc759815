using SkiaSharp;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Layout;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Goods;

public class GoodsRendererTests
{
    private static readonly byte[] Character = TestImages.TransparentCharacter();

    public static TheoryData<string> TypeIds() => [.. GoodsCatalog.All.Select(t => t.Id)];

    [Theory]
    [InlineData("tshirt", "16:9")]
    [InlineData("mug", "match_input_image")]
    [InlineData("sticker", "9:21")]
    public void Render_AnyAspect_MockupAtTheCanvasSizeInTheRequestedFormat(string id, string aspect)
    {
        var result = new GoodsRenderer().Render(new GoodsRequest(Character, id, null, "", aspect, 9, OutputFormat.Webp));
        using var mockup = SKBitmap.Decode(result.Mockup.Bytes);
        var expected = CanvasSize.For(aspect == "match_input_image" ? GoodsCatalog.Find(id)!.DefaultAspectRatio : aspect, 1, 1);

        Assert.Equal("image/webp", result.Mockup.ContentType);
        Assert.Equal(expected, (mockup.Width, mockup.Height));
        Assert.Equal(GoodsCatalog.Find(id)!.DieCut, result.PrintFiles.Any(f => f.Name == "cutline.svg"));
    }

    [Fact]
    public void Render_ConcurrentRenders_GiveIdenticalBytes()
    {
        var request = new GoodsRequest(Character, "button-badge", null, "", "1:1", 11, OutputFormat.Png);
        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = GoodsRenderer.RenderMockup(request).Bytes);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public void Render_UnknownColour_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            new GoodsRenderer().Render(new GoodsRequest(Character, "mug", "plaid", "", "1:1", 1, OutputFormat.Png)));
    }

    [Fact]
    public void Render_SameSeed_GivesIdenticalBytes()
    {
        var request = new GoodsRequest(Character, "mug", null, "", "4:3", 5, OutputFormat.Png);
        Assert.Equal(GoodsRenderer.RenderMockup(request).Bytes, GoodsRenderer.RenderMockup(request).Bytes);
    }

    [Fact]
    public void Render_UnknownType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            new GoodsRenderer().Render(new GoodsRequest(Character, "spaceship", null, "", "1:1", 1, OutputFormat.Png)));
    }
}
