using SkiaSharp;

namespace ToonStudio.Imaging.Tests.Support;

/// <summary>Synthetic inputs drawn in the test: a figure of known shape on a chosen background.</summary>
internal static class TestImages
{
    /// <summary>A simple character: a head and a body with a dark outline, on transparency.</summary>
    public static byte[] TransparentCharacter(int width = 300, int height = 400, SKColor? color = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        DrawFigure(surface.Canvas, width, height, color ?? new SKColor(0xE8, 0x4A, 0x7A));
        return Encode(surface, SKEncodedImageFormat.Png);
    }

    /// <summary>A product: a blue rounded box on a flat light background, as JPEG.</summary>
    public static byte[] ProductOnWhite(int width = 240, int height = 320)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(new SKColor(0xF4, 0xF4, 0xF2));
        using var paint = new SKPaint { Color = new SKColor(0x2A, 0x6F, 0xD0), IsAntialias = true };
        surface.Canvas.DrawRoundRect(width * 0.25f, height * 0.15f, width * 0.5f, height * 0.7f, 12, 12, paint);
        return Encode(surface, SKEncodedImageFormat.Jpeg);
    }

    public static void DrawFigure(SKCanvas canvas, int width, int height, SKColor color)
    {
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        using var outline = new SKPaint { Color = new SKColor(0x3A, 0x20, 0x30), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        var head = new SKRect(width * 0.3f, height * 0.1f, width * 0.7f, height * 0.42f);
        var body = new SKRect(width * 0.22f, height * 0.4f, width * 0.78f, height * 0.9f);
        canvas.DrawOval(body, fill);
        canvas.DrawOval(body, outline);
        canvas.DrawOval(head, fill);
        canvas.DrawOval(head, outline);
    }

    public static byte[] Encode(SKSurface surface, SKEncodedImageFormat format, int quality = 90)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes);
}
