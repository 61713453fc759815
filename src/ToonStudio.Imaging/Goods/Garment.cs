using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>Shared pieces of the garment templates: silhouettes (design space), the neck, stitching.</summary>
internal static class Garment
{
    public static SKPath TshirtPath()
    {
        var p = new SKPath();
        p.MoveTo(428, 172);
        p.CubicTo(458, 228, 542, 228, 572, 172);
        p.CubicTo(620, 180, 660, 190, 700, 204);
        p.CubicTo(770, 232, 820, 270, 862, 336);
        p.LineTo(774, 424);
        p.CubicTo(745, 402, 718, 386, 698, 378);
        p.CubicTo(694, 540, 700, 720, 694, 880);
        p.CubicTo(566, 890, 434, 890, 306, 880);
        p.CubicTo(300, 720, 306, 540, 302, 378);
        p.CubicTo(282, 386, 255, 402, 226, 424);
        p.LineTo(138, 336);
        p.CubicTo(180, 270, 230, 232, 300, 204);
        p.CubicTo(340, 190, 380, 180, 428, 172);
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

    /// <summary>A line of stitches running beside <paramref name="path"/> at <paramref name="offset"/> (a strap's edge).</summary>
    public static void StitchPath(SKCanvas canvas, SKColor color, SKPath path, float offset)
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
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = Math.Abs(offset) * 2 };
        using var outline = new SKPath();
        stroke.GetFillPath(path, outline);
        // The stroke outline has both edges; one side is enough to suggest the seam, so draw it whole but faint.
        paint.Color = paint.Color.WithAlpha(70);
        canvas.DrawPath(outline, paint);
    }

    /// <summary>Soft creases where cloth bunches (armpits, sleeves): blurred dark strokes with a lit edge beside.</summary>
    public static void Creases(SKCanvas canvas, SKPath body, (SKPoint From, SKPoint Control, SKPoint To)[] creases)
    {
        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 5);
        using var dark = new SKPaint { Color = SKColors.Black.WithAlpha(34), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 7, StrokeCap = SKStrokeCap.Round, MaskFilter = blur };
        using var light = new SKPaint { Color = SKColors.White.WithAlpha(40), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 5, StrokeCap = SKStrokeCap.Round, MaskFilter = blur };
        foreach (var (from, control, to) in creases)
        {
            using var path = new SKPath();
            path.MoveTo(from);
            path.QuadTo(control, to);
            canvas.DrawPath(path, dark);
            canvas.Translate(-5, -3);
            canvas.DrawPath(path, light);
            canvas.Translate(5, 3);
        }

        canvas.Restore();
    }
}
