using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>Shared pieces of the garment templates: silhouettes (design space), the neck, stitching.</summary>
internal static class Garment
{
    public static SKPath TshirtPath()
    {
        var p = new SKPath();
        p.MoveTo(432, 178);
        p.CubicTo(462, 232, 538, 232, 568, 178);
        p.LineTo(668, 198);
        p.CubicTo(730, 222, 780, 250, 815, 300);
        p.LineTo(742, 388);
        p.CubicTo(715, 372, 695, 358, 680, 345);
        p.CubicTo(676, 520, 684, 700, 676, 860);
        p.CubicTo(560, 868, 440, 868, 324, 860);
        p.CubicTo(316, 700, 324, 520, 320, 345);
        p.CubicTo(305, 358, 285, 372, 258, 388);
        p.LineTo(185, 300);
        p.CubicTo(220, 250, 270, 222, 332, 198);
        p.Close();
        return p;
    }

    public static void FillBody(SKCanvas canvas, SKPath body, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawPath(body, paint);
        using var edge = new SKPaint
        {
            Color = StudioSweep.Darken(color, 0.25f).WithAlpha(90),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 1.5f,
        };
        canvas.DrawPath(body, edge);
    }

    /// <summary>The inside of the back of the shirt seen through the neck, and the ribbed collar.</summary>
    public static void NeckOpening(SKCanvas canvas, SKColor color, float left, float right, float top)
    {
        using var inside = new SKPath();
        inside.MoveTo(left, top + 2);
        inside.CubicTo(left + 20, top - 16, right - 20, top - 16, right, top + 2);
        inside.CubicTo(right - 30, top + 54, left + 30, top + 54, left, top + 2);
        using var insidePaint = new SKPaint { Color = StudioSweep.Darken(color, 0.22f), IsAntialias = true };
        canvas.DrawPath(inside, insidePaint);

        using var rib = new SKPath();
        rib.MoveTo(left, top + 2);
        rib.CubicTo(left + 30, top + 54, right - 30, top + 54, right, top + 2);
        using var ribPaint = new SKPaint
        {
            Color = StudioSweep.Darken(color, 0.08f),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 15,
            StrokeCap = SKStrokeCap.Round,
        };
        canvas.DrawPath(rib, ribPaint);
        using var seam = new SKPaint
        {
            Color = StudioSweep.Darken(color, 0.3f).WithAlpha(120),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 1.4f,
        };
        canvas.Save();
        canvas.Translate(0, 8);
        canvas.DrawPath(rib, seam);
        canvas.Restore();
    }

    public static void Stitches(SKCanvas canvas, SKColor color, (SKPoint From, SKPoint To)[] lines)
    {
        using var dash = SKPathEffect.CreateDash([7f, 5f], 0);
        using var paint = new SKPaint
        {
            Color = StudioSweep.Darken(color, 0.35f).WithAlpha(110),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 1.6f,
            PathEffect = dash,
        };
        foreach (var (from, to) in lines)
        {
            canvas.DrawLine(from, to, paint);
        }
    }
}
