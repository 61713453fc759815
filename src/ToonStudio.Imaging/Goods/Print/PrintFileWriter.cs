using SkiaSharp;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Goods.DieCut;

namespace ToonStudio.Imaging.Goods.Print;

/// <summary>
/// The files a printer needs (MOCKUPS.md "Print files"): the design at 300 DPI for the type's print size as
/// PNG with alpha and pHYs, and for die-cut types the cut line as SVG in the same pixel coordinates.
/// </summary>
internal static class PrintFileWriter
{
    public const double Dpi = 300;

    public static int Pixels(double mm) => (int)Math.Round(mm / 25.4 * Dpi);

    public static IReadOnlyList<PrintFile> Create(GoodsTypeInfo type, IGoodsTemplate template, CutoutImage art, DieCutShape? dieCut, GoodsColor color)
    {
        int w = Pixels(type.PrintWidthMm), h = Pixels(type.PrintHeightMm);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        var area = new SKRect(0, 0, w, h);
        SKMatrix placement;
        if (dieCut is not null)
        {
            var inset = area;
            inset.Inflate(-w * 0.02f, -h * 0.02f);
            placement = Fit(dieCut.Bounds, inset);
        }
        else
        {
            if (template.Print == PrintLayout.FullBleed)
            {
                canvas.Clear(SKColor.Parse(color.Hex));
            }

            var inset = area;
            inset.Inflate(-w * 0.06f, -h * 0.06f);
            placement = Fit(new SKRect(0, 0, art.Width, art.Height), inset);
        }

        using var image = art.ToImage();
        canvas.Save();
        canvas.Concat(placement);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Restore();

        using var pixmap = surface.PeekPixels() ?? throw new InvalidOperationException("A raster surface has pixels.");
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 3))
            ?? throw new InvalidOperationException("PNG encoding failed.");
        var files = new List<PrintFile> { new("print.png", "image/png", PngDpi.WithDpi(data.ToArray(), Dpi)) };
        if (dieCut is not null)
        {
            var loops = new List<SKPoint[]>(dieCut.Loops.Count);
            foreach (var loop in dieCut.Loops)
            {
                loops.Add(placement.MapPoints(loop));
            }

            files.Add(new("cutline.svg", "image/svg+xml", CutLineSvg.Write(loops, w, h, type.PrintWidthMm, type.PrintHeightMm)));
        }

        return files;
    }

    private static SKMatrix Fit(SKRect content, SKRect box)
    {
        var scale = Math.Min(box.Width / content.Width, box.Height / content.Height);
        return new SKMatrix(scale, 0, box.MidX - content.MidX * scale, 0, scale, box.MidY - content.MidY * scale, 0, 0, 1);
    }
}
