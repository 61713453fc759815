using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Cutout;

/// <summary>Reading and writing the alpha of unpremultiplied RGBA bitmaps.</summary>
internal static class AlphaMask
{
    /// <summary>True when enough pixels are transparent that the alpha is a real cutout, not an opaque export.</summary>
    public static bool HasUsefulAlpha(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        var threshold = Math.Max(1, bitmap.Width * bitmap.Height / 200);
        var count = 0;
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] < 250 && ++count >= threshold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy of <paramref name="source"/> whose alpha is <paramref name="mask"/>, scaled up bilinearly when smaller.</summary>
    public static SKBitmap Apply(SKBitmap source, byte[] mask, int maskWidth, int maskHeight)
    {
        var full = PixelOps.ScaleMask(mask, maskWidth, maskHeight, source.Width, source.Height);
        var output = PixelOps.Copy(source);
        var pixels = output.GetPixelSpan();
        for (var i = 0; i < full.Length; i++)
        {
            pixels[i * 4 + 3] = full[i];
        }

        return output;
    }

    /// <summary>The smallest rectangle holding every pixel with visible alpha (the whole image if none).</summary>
    public static SKRectI ContentBox(SKBitmap bitmap)
    {
        int w = bitmap.Width, h = bitmap.Height;
        int left = w, top = h, right = -1, bottom = -1;
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * w * 4, w * 4);
            for (var x = 0; x < w; x++)
            {
                if (row[x * 4 + 3] > 8)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = y;
                }
            }
        }

        return right < 0 ? new SKRectI(0, 0, w, h) : new SKRectI(left, top, right + 1, bottom + 1);
    }

    /// <summary>
    /// Removes the background's fringe from a cut edge: the alpha ramp is pulled in by about a pixel (the
    /// outermost ring is mostly background), then each partly transparent pixel has the background colour
    /// un-mixed from it, c = (observed − (1 − α)·bg) / α, so a character cut from white shows no white rim
    /// on a dark product.
    /// </summary>
    public static void Decontaminate(SKBitmap unpremul, SKColor background)
    {
        var pixels = unpremul.GetPixelSpan();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            var a = pixels[p + 3];
            if (a == 255 || a == 0)
            {
                continue;
            }

            var choked = Math.Clamp((a - 96) * 255 / 159, 0, 255);
            pixels[p + 3] = (byte)choked;
            if (choked == 0)
            {
                continue;
            }

            var alpha = Math.Max(choked / 255f, 0.35f);
            pixels[p] = Unmix(pixels[p], background.Red, alpha);
            pixels[p + 1] = Unmix(pixels[p + 1], background.Green, alpha);
            pixels[p + 2] = Unmix(pixels[p + 2], background.Blue, alpha);
        }
    }

    private static byte Unmix(byte observed, byte background, float alpha) =>
        (byte)Math.Clamp((observed - (1f - alpha) * background) / alpha, 0f, 255f);
}
