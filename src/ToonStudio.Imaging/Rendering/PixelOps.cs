using SkiaSharp;
using ToonStudio.Imaging.Codecs;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// Plain span loops for what Skia does slowly on unpremultiplied bitmaps (its generic copy and
/// conversion paths cost tens of milliseconds a megapixel; a memcpy or one pass costs one or two).
/// </summary>
internal static class PixelOps
{
    /// <summary>Upright unpremultiplied RGBA from encoded bytes (<see cref="DecodeOptions.Pixels"/>); bytes that do not decode are the caller's error.</summary>
    public static SKBitmap Decode(ReadOnlyMemory<byte> encoded)
    {
        try
        {
            return ImageCodec.Decode(encoded.Span, DecodeOptions.Pixels);
        }
        catch (ImageDecodeException e)
        {
            throw new ArgumentException($"The image is not a decodable PNG, JPEG or WebP: {e.Message}", nameof(encoded), e);
        }
    }

    public static SKBitmap Copy(SKBitmap source)
    {
        var copy = new SKBitmap(source.Info);
        source.GetPixelSpan().CopyTo(copy.GetPixelSpan());
        return copy;
    }

    /// <summary>A premultiplied copy of an unpremultiplied RGBA bitmap, ready for fast drawing.</summary>
    public static SKBitmap Premultiply(SKBitmap unpremul)
    {
        var output = new SKBitmap(new SKImageInfo(unpremul.Width, unpremul.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var from = unpremul.GetPixelSpan();
        var to = output.GetPixelSpan();
        for (var p = 0; p < from.Length; p += 4)
        {
            var a = from[p + 3];
            if (a == 255)
            {
                to[p] = from[p];
                to[p + 1] = from[p + 1];
                to[p + 2] = from[p + 2];
                to[p + 3] = 255;
            }
            else if (a != 0)
            {
                to[p] = (byte)((from[p] * a + 127) / 255);
                to[p + 1] = (byte)((from[p + 1] * a + 127) / 255);
                to[p + 2] = (byte)((from[p + 2] * a + 127) / 255);
                to[p + 3] = a;
            }
        }

        return output;
    }

    /// <summary>An image over an opaque bitmap's pixels as premultiplied (identical bytes when alpha is 255), without a copy.</summary>
    public static SKImage OpaqueAsPremul(SKBitmap opaque) =>
        SKImage.FromPixels(new SKImageInfo(opaque.Width, opaque.Height, SKColorType.Rgba8888, SKAlphaType.Premul), opaque.GetPixels(), opaque.RowBytes);

    /// <summary>Bilinear scaling of an 8-bit mask to exactly <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] ScaleMask(byte[] mask, int w, int h, int width, int height)
    {
        if (w == width && h == height)
        {
            return mask;
        }

        var output = new byte[width * height];
        var sx = (float)w / width;
        var sy = (float)h / height;
        for (var y = 0; y < height; y++)
        {
            var fy = Math.Clamp((y + 0.5f) * sy - 0.5f, 0f, h - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, h - 1);
            var ty = fy - y0;
            for (var x = 0; x < width; x++)
            {
                var fx = Math.Clamp((x + 0.5f) * sx - 0.5f, 0f, w - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, w - 1);
                var tx = fx - x0;
                var top = mask[y0 * w + x0] + (mask[y0 * w + x1] - mask[y0 * w + x0]) * tx;
                var bottom = mask[y1 * w + x0] + (mask[y1 * w + x1] - mask[y1 * w + x0]) * tx;
                output[y * width + x] = (byte)(top + (bottom - top) * ty + 0.5f);
            }
        }

        return output;
    }

    /// <summary>A separable [1 2 1] blur of the colour channels, in place (alpha untouched).</summary>
    public static void Blur121(SKBitmap bitmap)
    {
        int w = bitmap.Width, h = bitmap.Height, stride = w * 4;
        var pixels = bitmap.GetPixelSpan();
        var row = new byte[stride];
        for (var y = 0; y < h; y++)
        {
            var line = pixels.Slice(y * stride, stride);
            line.CopyTo(row);
            for (var x = 1; x < w - 1; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var i = x * 4 + c;
                    line[i] = (byte)((row[i - 4] + 2 * row[i] + row[i + 4] + 2) >> 2);
                }
            }
        }

        var above = new byte[stride];
        var current = new byte[stride];
        pixels[..stride].CopyTo(above);
        for (var y = 1; y < h - 1; y++)
        {
            var line = pixels.Slice(y * stride, stride);
            line.CopyTo(current);
            var below = pixels.Slice((y + 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                if ((i & 3) != 3)
                {
                    line[i] = (byte)((above[i] + 2 * current[i] + below[i] + 2) >> 2);
                }
            }

            (above, current) = (current, above);
        }
    }
}
