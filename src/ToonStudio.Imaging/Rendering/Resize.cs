using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>Scaling helpers that keep the unpremultiplied RGBA layout.</summary>
internal static class Resize
{
    /// <summary>
    /// Scales by <paramref name="scale"/> and softens by about a pixel, so sensor noise and JPEG
    /// blocking do not read as edges in the per-pixel passes that follow.
    /// </summary>
    public static SKBitmap Smoothed(SKBitmap source, float scale)
    {
        var w = Math.Max(1, (int)Math.Round(source.Width * scale));
        var h = Math.Max(1, (int)Math.Round(source.Height * scale));
        var output = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(output);
        using var image = SKImage.FromBitmap(source);
        using var blur = SKImageFilter.CreateBlur(0.7f, 0.7f, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = blur, BlendMode = SKBlendMode.Src };
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        return output;
    }

    /// <summary>A high-quality cubic resize to exactly <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static SKImage Cubic(SKImage source, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.DrawImage(source, new SKRect(0, 0, width, height), Sampling(source.Width, width), null);
        return surface.Snapshot();
    }

    /// <summary>A premultiplied copy at exactly this size, for per-pixel passes at the size it will be drawn.</summary>
    public static SKBitmap ToPremul(SKBitmap source, int width, int height)
    {
        var output = new SKBitmap(new SKImageInfo(Math.Max(1, width), Math.Max(1, height), SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(output);
        using var image = SKImage.FromBitmap(source);
        canvas.Clear(SKColors.Transparent);
        canvas.DrawImage(image, new SKRect(0, 0, output.Width, output.Height), Sampling(source.Width, output.Width), null);
        return output;
    }

    /// <summary>Cubic when enlarging (sharp), mipmapped linear when shrinking (cubic alone aliases there).</summary>
    public static SKSamplingOptions Sampling(float sourceSize, float destSize) => destSize >= sourceSize * 0.8f
        ? new SKSamplingOptions(SKCubicResampler.Mitchell)
        : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
}
