using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>The mug's handle: a thick glazed loop behind the body's right edge.</summary>
internal static class MugHandle
{
    public static void Draw(SKCanvas canvas, SKColor color, float edgeX, float top, float bottom)
    {
        var h = bottom - top;
        using var loop = new SKPath();
        loop.MoveTo(edgeX - 20, top + h * 0.2f);
        loop.CubicTo(edgeX + 170, top + h * 0.12f, edgeX + 175, top + h * 0.72f, edgeX - 20, top + h * 0.75f);
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(edgeX, 0), new SKPoint(edgeX + 150, 0),
            [StudioSweep.Darken(color, 0.25f), color, StudioSweep.Darken(color, 0.35f)], [0f, 0.55f, 1f], SKShaderTileMode.Clamp);
        using var paint = new SKPaint
        {
            Shader = shader,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 44,
            StrokeCap = SKStrokeCap.Round,
        };
        canvas.DrawPath(loop, paint);
        using var shine = new SKPaint
        {
            Color = Layers.Light(0.45f),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 5,
            StrokeCap = SKStrokeCap.Round,
        };
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2.5f);
        shine.MaskFilter = blur;
        using var highlight = new SKPath();
        highlight.MoveTo(edgeX + 40, top + h * 0.19f);
        highlight.CubicTo(edgeX + 118, top + h * 0.22f, edgeX + 125, top + h * 0.5f, edgeX + 110, top + h * 0.58f);
        canvas.DrawPath(highlight, shine);
    }
}

/// <summary>The rim and the shaded inside of the mug seen from slightly above.</summary>
internal static class MugRim
{
    public static void Draw(SKCanvas canvas, SKColor color, float cx, float top, float radius, float ellipse)
    {
        var outer = new SKRect(cx - radius, top - ellipse, cx + radius, top + ellipse);
        var inner = outer;
        inner.Inflate(-12, -4);
        using var rimPaint = new SKPaint { Color = StudioSweep.Lighten(color, 0.3f), IsAntialias = true };
        canvas.DrawOval(outer, rimPaint);
        using var insideShader = SKShader.CreateLinearGradient(
            new SKPoint(0, inner.Top), new SKPoint(0, inner.Bottom),
            [StudioSweep.Darken(color, 0.45f), StudioSweep.Darken(color, 0.12f)], null, SKShaderTileMode.Clamp);
        using var inside = new SKPaint { Shader = insideShader, IsAntialias = true };
        canvas.DrawOval(inner, inside);
        using var lip = new SKPaint { Color = Layers.Light(0.6f), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f };
        canvas.DrawArc(outer, 200, 110, false, lip);
    }
}
