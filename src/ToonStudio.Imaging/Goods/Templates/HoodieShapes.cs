using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>The hoodie's pieces in design space.</summary>
internal static class HoodieShapes
{
    public static SKPath Body()
    {
        var p = new SKPath();
        p.MoveTo(420, 205);
        p.LineTo(580, 205);
        p.CubicTo(630, 212, 665, 222, 690, 238);
        p.CubicTo(760, 300, 820, 480, 858, 690);
        p.LineTo(790, 712);
        p.CubicTo(760, 590, 730, 490, 695, 420);
        p.CubicTo(692, 560, 696, 700, 688, 880);
        p.LineTo(312, 880);
        p.CubicTo(304, 700, 308, 560, 305, 420);
        p.CubicTo(270, 490, 240, 590, 210, 712);
        p.LineTo(142, 690);
        p.CubicTo(180, 480, 240, 300, 310, 238);
        p.CubicTo(335, 222, 370, 212, 420, 205);
        p.Close();
        return p;
    }

    public static SKPath Hood()
    {
        var p = new SKPath();
        p.MoveTo(388, 240);
        p.CubicTo(370, 150, 430, 95, 500, 95);
        p.CubicTo(570, 95, 630, 150, 612, 240);
        p.Close();
        return p;
    }

    /// <summary>The hood's lined inside, seen as a dark crescent where it meets the neck.</summary>
    public static void HoodOpening(SKCanvas canvas, SKColor color)
    {
        using var p = new SKPath();
        p.MoveTo(420, 205);
        p.CubicTo(440, 150, 560, 150, 580, 205);
        p.CubicTo(560, 250, 440, 250, 420, 205);
        using var paint = new SKPaint { Color = StudioSweep.Darken(color, 0.28f), IsAntialias = true };
        canvas.DrawPath(p, paint);
        using var edge = new SKPaint { Color = StudioSweep.Darken(color, 0.1f), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 10 };
        canvas.DrawPath(p, edge);
    }

    public static void Pocket(SKCanvas canvas, SKColor color)
    {
        using var p = new SKPath();
        p.MoveTo(392, 615);
        p.LineTo(608, 615);
        p.CubicTo(612, 660, 635, 700, 655, 715);
        p.LineTo(655, 800);
        p.LineTo(345, 800);
        p.LineTo(345, 715);
        p.CubicTo(365, 700, 388, 660, 392, 615);
        p.Close();
        using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 45), IsAntialias = true };
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 4);
        shadow.MaskFilter = blur;
        canvas.Save();
        canvas.Translate(0, 4);
        canvas.DrawPath(p, shadow);
        canvas.Restore();
        using var fill = new SKPaint { Color = StudioSweep.Lighten(color, 0.03f), IsAntialias = true };
        canvas.DrawPath(p, fill);
        Garment.Stitches(canvas, color, [(new SKPoint(396, 624), new SKPoint(604, 624)), (new SKPoint(350, 792), new SKPoint(650, 792))]);
    }

    /// <summary>Ribbed cuffs and waistband: a darker band with fine vertical ribs.</summary>
    public static void Ribs(SKCanvas canvas, SKColor color)
    {
        using var band = new SKPaint { Color = StudioSweep.Darken(color, 0.07f), IsAntialias = true };
        using var rib = new SKPaint { Color = StudioSweep.Darken(color, 0.2f).WithAlpha(90), IsAntialias = true, StrokeWidth = 1.2f };
        canvas.DrawRect(312, 830, 376, 50, band);
        for (var x = 318f; x < 684; x += 8)
        {
            canvas.DrawLine(x, 834, x, 878, rib);
        }

        foreach (var (a, b) in new[] { (new SKPoint(142, 690), new SKPoint(210, 712)), (new SKPoint(858, 690), new SKPoint(790, 712)) })
        {
            using var cuff = new SKPath();
            var d = new SKPoint(a.Y - b.Y, b.X - a.X);
            var n = 46f / MathF.Sqrt(d.X * d.X + d.Y * d.Y);
            var sign = a.X < 500 ? 1f : -1f;
            var off = new SKPoint(-d.X * n * sign, -d.Y * n * sign);
            cuff.AddPoly([a, b, b + off, a + off]);
            canvas.DrawPath(cuff, band);
        }
    }

    public static void Drawstrings(SKCanvas canvas, SKColor color)
    {
        var cord = GoodsBackdrop.Luminance(color) > 0.5f ? StudioSweep.Darken(color, 0.12f) : StudioSweep.Lighten(color, 0.75f);
        using var paint = new SKPaint { Color = cord, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 7, StrokeCap = SKStrokeCap.Round };
        using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 50), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 7, StrokeCap = SKStrokeCap.Round };
        foreach (var (top, bottom) in new[] { (new SKPoint(462, 230), new SKPoint(436, 322)), (new SKPoint(538, 230), new SKPoint(566, 314)) })
        {
            using var p = new SKPath();
            p.MoveTo(top);
            p.QuadTo(top.X + (bottom.X - top.X) * 0.2f + 8, (top.Y + bottom.Y) / 2, bottom.X, bottom.Y);
            canvas.Save();
            canvas.Translate(3, 4);
            canvas.DrawPath(p, shadow);
            canvas.Restore();
            canvas.DrawPath(p, paint);
            using var aglet = new SKPaint { Color = StudioSweep.Darken(cord, 0.3f), IsAntialias = true, StrokeWidth = 9, StrokeCap = SKStrokeCap.Round };
            canvas.DrawLine(bottom.X, bottom.Y - 4, bottom.X, bottom.Y + 14, aglet);
        }
    }
}
