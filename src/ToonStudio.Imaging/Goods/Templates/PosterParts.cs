using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A bevelled frame moulding: four mitred sides lit from the upper left.</summary>
internal static class FrameMoulding
{
    public static void Draw(SKCanvas canvas, SKRect outer, float width, SKColor color)
    {
        var inner = new SKRect(outer.Left + width, outer.Top + width, outer.Right - width, outer.Bottom - width);
        Side(canvas, [outer.Location, new SKPoint(outer.Right, outer.Top), new SKPoint(inner.Right, inner.Top), inner.Location], StudioSweep.Lighten(color, 0.18f));
        Side(canvas, [outer.Location, inner.Location, new SKPoint(inner.Left, inner.Bottom), new SKPoint(outer.Left, outer.Bottom)], StudioSweep.Lighten(color, 0.08f));
        Side(canvas, [new SKPoint(outer.Right, outer.Top), new SKPoint(outer.Right, outer.Bottom), new SKPoint(inner.Right, inner.Bottom), new SKPoint(inner.Right, inner.Top)], StudioSweep.Darken(color, 0.15f));
        Side(canvas, [new SKPoint(outer.Left, outer.Bottom), new SKPoint(inner.Left, inner.Bottom), new SKPoint(inner.Right, inner.Bottom), new SKPoint(outer.Right, outer.Bottom)], StudioSweep.Darken(color, 0.25f));
        using var line = new SKPaint { Color = StudioSweep.Darken(color, 0.4f).WithAlpha(120), Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f, IsAntialias = true };
        canvas.DrawRect(inner, line);
    }

    private static void Side(SKCanvas canvas, SKPoint[] quad, SKColor color)
    {
        using var path = new SKPath();
        path.AddPoly(quad);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawPath(path, paint);
    }
}

/// <summary>The printed poster: a soft field tinted from the artwork's palette with the character standing in it.</summary>
internal static class PosterArt
{
    public static void Draw(SKCanvas canvas, SKRect area, SKImage art, LabStats palette, SKSamplingOptions sampling)
    {
        var top = LabColor.ToSk(93f, palette.A * 0.25f, palette.B * 0.25f);
        var bottom = LabColor.ToSk(80f, palette.A * 0.45f, palette.B * 0.45f);
        using var shader = SKShader.CreateLinearGradient(new SKPoint(0, area.Top), new SKPoint(0, area.Bottom), [top, bottom], null, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(area, paint);
        using var sun = SKShader.CreateRadialGradient(
            new SKPoint(area.MidX, area.Top + area.Height * 0.38f), area.Width * 0.6f,
            [SKColors.White.WithAlpha(150), SKColors.White.WithAlpha(0)], null, SKShaderTileMode.Clamp);
        using var sunPaint = new SKPaint { Shader = sun };
        canvas.DrawRect(area, sunPaint);

        var inner = new SKRect(area.Left + area.Width * 0.1f, area.Top + area.Height * 0.08f, area.Right - area.Width * 0.1f, area.Bottom - area.Height * 0.06f);
        var dest = Fit.Contain(art.Width, art.Height, inner, alignBottom: true);
        Shadows.Contact(canvas, dest.MidX, dest.Bottom - area.Height * 0.003f, dest.Width * 0.7f, 0.22f);
        canvas.DrawImage(art, dest, sampling);
    }
}
