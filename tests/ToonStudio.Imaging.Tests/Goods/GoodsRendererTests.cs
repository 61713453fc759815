using SkiaSharp;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Goods;

public class GoodsRendererTests
{
    private static readonly byte[] Character = TestImages.TransparentCharacter();

    public static TheoryData<string> TypeIds() => [.. GoodsCatalog.All.Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void Render_EveryType_GivesMockupAndPrintPng(string id)
    {
        var result = new GoodsRenderer().Render(new GoodsRequest(Character, id, null, "", "match_input_image", 9, OutputFormat.Jpeg));
        using var mockup = SKBitmap.Decode(result.Mockup.Bytes);

        Assert.Equal("image/jpeg", result.Mockup.ContentType);
        Assert.Equal((result.Mockup.Width, result.Mockup.Height), (mockup.Width, mockup.Height));
        Assert.Contains(result.PrintFiles, f => f.Name == "print.png" && f.ContentType == "image/png");
        Assert.Equal(GoodsCatalog.Find(id)!.DieCut, result.PrintFiles.Any(f => f.Name == "cutline.svg"));
    }

    [Fact]
    public void Render_SameSeed_GivesIdenticalBytes()
    {
        var request = new GoodsRequest(Character, "mug", null, "", "4:3", 5, OutputFormat.Png);
        Assert.Equal(new GoodsRenderer().Render(request).Mockup.Bytes, new GoodsRenderer().Render(request).Mockup.Bytes);
    }

    [Fact]
    public void Render_UnknownType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            new GoodsRenderer().Render(new GoodsRequest(Character, "spaceship", null, "", "1:1", 1, OutputFormat.Png)));
    }
}
