using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Goods.Print;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Goods;

public class PrintFileTests
{
    private static readonly byte[] Character = TestImages.TransparentCharacter(300, 400);

    public static TheoryData<string> TypeIds() => [.. GoodsCatalog.All.Select(t => t.Id)];

    public static TheoryData<string> DieCutIds() => [.. GoodsCatalog.All.Where(t => t.DieCut).Select(t => t.Id)];

    /// <summary>
    /// The print size each type promises, written out by hand (not computed by the product's own formula): millimetres,
    /// dpi (300 up to A4's 210 mm, else 150) and the pixels that makes, mm ÷ 25.4 × dpi rounded.
    /// </summary>
    private static readonly Dictionary<string, (double WidthMm, double HeightMm, double Dpi, int Width, int Height)> PrintSizes = new()
    {
        ["tshirt"] = (300, 400, 150, 1772, 2362),
        ["hoodie"] = (300, 300, 150, 1772, 1772),
        ["mug"] = (200, 85, 300, 2362, 1004),
        ["tote-bag"] = (300, 350, 150, 1772, 2067),
        ["phone-case"] = (70, 150, 300, 827, 1772),
        ["acrylic-keyring"] = (50, 50, 300, 591, 591),
        ["sticker"] = (70, 70, 300, 827, 827),
        ["button-badge"] = (58, 58, 300, 685, 685),
        ["poster"] = (297, 420, 150, 1754, 2480),
        ["cushion"] = (400, 400, 150, 2362, 2362),
    };

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void Render_EveryType_PrintPngHasPrintSizeAndDpi(string id)
    {
        var type = GoodsCatalog.Find(id)!;
        Assert.True(PrintSizes.TryGetValue(id, out var expected), $"no hand-written print size for the new type {id}");
        var print = new GoodsRenderer().Render(new GoodsRequest(Character, id, null, "", "1:1", 1, OutputFormat.Jpeg)).PrintFiles.Single(f => f.Name == "print.png");
        using var bitmap = SKBitmap.Decode(print.Bytes);
        var dpi = ReadPhysDpi(print.Bytes);

        Assert.NotNull(bitmap);
        Assert.Equal((expected.WidthMm, expected.HeightMm), (type.PrintWidthMm, type.PrintHeightMm));
        Assert.InRange(dpi, expected.Dpi - 0.05, expected.Dpi + 0.05);
        Assert.Equal((expected.Width, expected.Height), (bitmap.Width, bitmap.Height));
    }

    [Theory]
    [MemberData(nameof(DieCutIds))]
    public void Render_DieCutType_CutLineEnclosesEveryPixelOfTheArtwork(string id)
    {
        var files = new GoodsRenderer().Render(new GoodsRequest(Character, id, null, "", "1:1", 1, OutputFormat.Png)).PrintFiles;
        using var print = SKBitmap.Decode(files.Single(f => f.Name == "print.png").Bytes);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files.Single(f => f.Name == "cutline.svg").Bytes));
        var root = svg.Root!;
        var viewBox = root.Attribute("viewBox")!.Value.Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var cut = SKPath.ParseSvgPathData(root.Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value);

        Assert.Equal((print.Width, print.Height), ((int)viewBox[2], (int)viewBox[3]));
        Assert.EndsWith("mm", root.Attribute("width")!.Value);
        // Rasterise the cut line (pixel centres, no antialiasing) and look for artwork outside it.
        using var inside = new SKBitmap(new SKImageInfo(print.Width, print.Height, SKColorType.Alpha8, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(inside))
        using (var fill = new SKPaint { Color = SKColors.Black, IsAntialias = false })
        {
            canvas.Clear(SKColors.Transparent);
            canvas.DrawPath(cut, fill);
        }

        var art = print.GetPixelSpan();
        var cutMask = inside.GetPixelSpan();
        int outside = 0, opaque = 0;
        for (var i = 0; i < cutMask.Length; i++)
        {
            if (art[i * 4 + 3] != 0)
            {
                opaque++;
                outside += cutMask[i] == 0 ? 1 : 0;
            }
        }

        Assert.True(opaque > print.Width * print.Height / 20, "the print has artwork");
        Assert.Equal(0, outside);
    }

    /// <summary>Reads pHYs independently of the engine's writer: 8-byte signature, then length/type/data/CRC chunks.</summary>
    private static double ReadPhysDpi(byte[] png)
    {
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "pHYs")
            {
                Assert.Equal(1, png[at + 16]);
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 12)));
                return BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8)) * 0.0254;
            }

            at += 12 + length;
        }

        throw new Xunit.Sdk.XunitException("no pHYs chunk");
    }
}
