using SkiaSharp;

namespace ToonStudio.Imaging.Ppl;

/// <summary>A light wooden table top seen slightly from above, spanning the canvas.</summary>
internal static class Table
{
    public static void Draw(SKCanvas canvas, int w, int h, float top)
    {
        var depth = h * 0.09f;
        using var topShader = SKShader.CreateLinearGradient(
            new SKPoint(0, top), new SKPoint(0, top + depth),
            [new SKColor(0xE2, 0xC4, 0x9C), new SKColor(0xD4, 0xAE, 0x80)], null, SKShaderTileMode.Clamp);
        using var topPaint = new SKPaint { Shader = topShader, IsAntialias = true };
        canvas.DrawRect(0, top, w, depth, topPaint);

        using var edge = new SKPaint { Color = new SKColor(0xF0, 0xDC, 0xBE), IsAntialias = true };
        canvas.DrawRect(0, top + depth, w, h * 0.012f, edge);

        using var frontShader = SKShader.CreateLinearGradient(
            new SKPoint(0, top + depth), new SKPoint(0, h),
            [new SKColor(0xB8, 0x8A, 0x5C), new SKColor(0x8E, 0x63, 0x3D)], null, SKShaderTileMode.Clamp);
        using var front = new SKPaint { Shader = frontShader };
        canvas.DrawRect(0, top + depth + h * 0.012f, w, h, front);
    }
}
