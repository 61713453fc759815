using SkiaSharp;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Goods;

public class GoodsTemplatesTests
{
    // A saturated green no template uses for itself: if it shows in the print area, the artwork got there.
    private static readonly byte[] GreenArtwork = TestImages.TransparentCharacter(300, 400, new SKColor(0x20, 0xC0, 0x30));

    public static TheoryData<string> TypeIds() => [.. GoodsCatalog.All.Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void RenderMockup_GreenArtwork_GreenFillsPartOfThePrintArea(string id)
    {
        var mockup = GoodsRenderer.RenderMockup(new GoodsRequest(GreenArtwork, id, null, "", "1:1", 4, OutputFormat.Png));
        using var bitmap = SKBitmap.Decode(mockup.Bytes);
        var area = GoodsScene.DesignToCanvas(bitmap.Width, bitmap.Height).MapRect(GoodsTemplates.For(id).PrintArea);

        var share = ColorShare(bitmap, SKRectI.Round(area), hueMin: 90, hueMax: 160);

        Assert.True(share > 0.05, $"{id}: green covers {share:P1} of the print area");
    }

    [Fact]
    public void For_EveryCatalogType_HasItsOwnTemplate()
    {
        var ids = GoodsCatalog.All.Select(t => GoodsTemplates.For(t.Id).Id).ToList();
        Assert.Equal(GoodsCatalog.All.Select(t => t.Id), ids);
    }

    private static double ColorShare(SKBitmap bitmap, SKRectI area, float hueMin, float hueMax)
    {
        int hits = 0, total = 0;
        for (var y = Math.Max(0, area.Top); y < Math.Min(bitmap.Height, area.Bottom); y++)
        {
            for (var x = Math.Max(0, area.Left); x < Math.Min(bitmap.Width, area.Right); x++)
            {
                bitmap.GetPixel(x, y).ToHsv(out var h, out var s, out var v);
                hits += h >= hueMin && h <= hueMax && s > 35 && v > 25 ? 1 : 0;
                total++;
            }
        }

        return (double)hits / total;
    }
}
