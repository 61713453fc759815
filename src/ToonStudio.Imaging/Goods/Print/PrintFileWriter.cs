using SkiaSharp;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Goods.DieCut;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Print;

/// <summary>
/// The files a printer needs (docs/mockups.md "Print files"): the design at print resolution for the type's
/// print size as PNG with alpha and pHYs, and for die-cut types the cut line as SVG in the same pixels.
/// </summary>
internal static class PrintFileWriter
{
    /// <summary>
    /// 300 DPI for small goods; 150 DPI for print areas over 21 cm. Inputs are at most ~2048 px, so 150 DPI
    /// over 30–42 cm already exceeds the artwork's own resolution; 300 DPI there would quadruple the file
    /// (17 MP) with interpolated pixels only. 150 DPI is the usual floor for DTG and sublimation printing.
    /// </summary>
    public static double DpiFor(GoodsTypeInfo type) => Math.Max(type.PrintWidthMm, type.PrintHeightMm) <= 210 ? 300 : 150;

    public static (int Width, int Height) PixelsFor(GoodsTypeInfo type)
    {
        var dpi = DpiFor(type);
        return ((int)Math.Round(type.PrintWidthMm / 25.4 * dpi), (int)Math.Round(type.PrintHeightMm / 25.4 * dpi));
    }

    public static IReadOnlyList<PrintFile> Create(GoodsTypeInfo type, IGoodsTemplate template, CutoutImage art, DieCutShape? dieCut, GoodsColor color)
    {
        var (w, h) = PixelsFor(type);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        var area = new SKRect(0, 0, w, h);
        using var image = art.ToImage();
        var placement = SKMatrix.Identity;
        if (template is IPrintDesign design)
        {
            design.DrawPrint(canvas, area, image, color, LabStats.Of(art.Subject, 4000));
        }
        else
        {
            if (template.Print == PrintLayout.FullBleed)
            {
                canvas.Clear(SKColor.Parse(color.Hex));
            }

            var content = dieCut?.Bounds ?? new SKRect(0, 0, art.Width, art.Height);
            var margin = dieCut is null ? 0.06f : 0.02f;
            placement = Fit.Matrix(content, new SKRect(w * margin, h * margin, w * (1 - margin), h * (1 - margin)));
            canvas.Save();
            canvas.Concat(placement);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
            canvas.Restore();
        }

        var files = new List<PrintFile> { new("print.png", "image/png", Encode(surface, DpiFor(type))) };
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

    private static byte[] Encode(SKSurface surface, double dpi)
    {
        using var pixmap = surface.PeekPixels() ?? throw new InvalidOperationException("A raster surface has pixels.");
        return PngDpi.WithDpi(ImageCodec.Encode(pixmap, OutputFormat.Png, EncodeProfile.Print), dpi);
    }
}
