using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>A light wooden table top seen slightly from above, spanning the canvas, with a faint grain.</summary>
internal static class Table
{
    public static void Draw(SKCanvas canvas, int w, int h, float top, float characterX, float characterWidth, Random random)
    {
        var depth = h * 0.09f;
        var front = top + depth;
        // Front first, then the top and its lit edge over it, so no seam shows between them.
        using var frontShader = SKShader.CreateLinearGradient(
            new SKPoint(0, front), new SKPoint(0, h),
            [new SKColor(0xB8, 0x8A, 0x5C), new SKColor(0x8E, 0x63, 0x3D)], null, SKShaderTileMode.Clamp);
        using var frontPaint = new SKPaint { Shader = frontShader };
        canvas.DrawRect(0, front - 1, w, h - front + 1, frontPaint);

        using var topShader = SKShader.CreateLinearGradient(
            new SKPoint(0, top), new SKPoint(0, front),
            [new SKColor(0xE2, 0xC4, 0x9C), new SKColor(0xD4, 0xAE, 0x80)], null, SKShaderTileMode.Clamp);
        using var topPaint = new SKPaint { Shader = topShader };
        canvas.DrawRect(0, top, w, depth, topPaint);
        Grain(canvas, w, top, depth, random);

        // The character stands behind the table: its shadow falls on the back of the top.
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, depth * 0.25f);
        using var shade = new SKPaint { Color = SKColors.Black.WithAlpha(50), MaskFilter = blur, IsAntialias = true };
        canvas.Save();
        canvas.ClipRect(new SKRect(0, top, w, front));
        canvas.DrawOval(new SKRect(characterX - characterWidth * 0.5f, top - depth * 0.3f, characterX + characterWidth * 0.5f, top + depth * 0.35f), shade);
        canvas.Restore();

        using var edge = new SKPaint { Color = new SKColor(0xF0, 0xDC, 0xBE), IsAntialias = true };
        canvas.DrawRect(0, front, w, h * 0.01f, edge);
    }

    /// <summary>Long, faint, slightly wavy lines along the top: enough to read as wood.</summary>
    private static void Grain(SKCanvas canvas, int w, float top, float depth, Random random)
    {
        using var line = new SKPaint { Color = new SKColor(0x8A, 0x5A, 0x30, 26), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f };
        for (var i = 0; i < 14; i++)
        {
            var y = top + depth * random.Range(0.05f, 0.95f);
            using var path = new SKPath();
            path.MoveTo(-10, y);
            path.CubicTo(w * 0.3f, y + random.Range(-3f, 3f), w * 0.7f, y + random.Range(-3f, 3f), w + 10, y + random.Range(-2f, 2f));
            canvas.DrawPath(path, line);
        }
    }
}
