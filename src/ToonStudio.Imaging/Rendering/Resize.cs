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
        // Only opaque inputs reach here (an image with alpha is cut out by its alpha), so the bytes read the
        // same as premultiplied, which is Skia's fast path.
        using var image = PixelOps.OpaqueAsPremul(source);
        using var sized = To(image, w, h);
        var output = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        sized.ReadPixels(output.Info, output.GetPixels(), output.RowBytes, 0, 0);
        PixelOps.Blur121(output);
        return output;
    }

    /// <summary>
    /// A good resize to exactly <paramref name="width"/>×<paramref name="height"/>: cubic when enlarging,
    /// successive halvings (each an exact 2×2 average) then bilinear when shrinking. Skia's mipmapped
    /// sampling would do the same job but rebuilds the whole pyramid on every draw.
    /// </summary>
    public static SKImage To(SKImage source, int width, int height)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        var current = source;
        var owned = false;
        while (current.Width >= width * 2 && current.Height >= height * 2)
        {
            var half = Draw(current, current.Width / 2, current.Height / 2, new SKSamplingOptions(SKFilterMode.Linear));
            if (owned)
            {
                current.Dispose();
            }

            current = half;
            owned = true;
        }

        var sampling = width > current.Width ? new SKSamplingOptions(SKCubicResampler.Mitchell) : new SKSamplingOptions(SKFilterMode.Linear);
        var result = Draw(current, width, height, sampling);
        if (owned)
        {
            current.Dispose();
        }

        return result;
    }

    /// <summary>Scaled so its longer side is at most <paramref name="maxEdge"/> (never enlarged).</summary>
    public static SKImage Within(SKImage source, int maxEdge)
    {
        var scale = Math.Min(1f, (float)maxEdge / Math.Max(source.Width, source.Height));
        return To(source, (int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale));
    }

    private static SKImage Draw(SKImage source, int width, int height, SKSamplingOptions sampling)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
        surface.Canvas.DrawImage(source, new SKRect(0, 0, width, height), sampling, paint);
        return surface.Snapshot();
    }

    /// <summary>Sampling for an image drawn near its own size: cubic when enlarging, bilinear otherwise (pre-size with <see cref="To"/>).</summary>
    public static SKSamplingOptions Sampling(float sourceSize, float destSize) => destSize > sourceSize * 1.05f
        ? new SKSamplingOptions(SKCubicResampler.Mitchell)
        : new SKSamplingOptions(SKFilterMode.Linear);
}
