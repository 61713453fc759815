using SkiaSharp;

namespace ToonStudio.Imaging.Codecs;

/// <summary>Encodes pixels to the formats ToonStudio serves.</summary>
public static class ImageEncoder
{
    public const int JpegQuality = 90;
    public const int WebpQuality = 90;

    public static string ContentType(OutputFormat format) => format switch
    {
        OutputFormat.Png => "image/png",
        OutputFormat.Jpeg => "image/jpeg",
        OutputFormat.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Extension(OutputFormat format) => format switch
    {
        OutputFormat.Png => "png",
        OutputFormat.Jpeg => "jpg",
        OutputFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static EncodedImage Encode(SKBitmap bitmap, OutputFormat format)
    {
        using var pixmap = bitmap.PeekPixels();
        return new EncodedImage(Encode(pixmap, format), ContentType(format), bitmap.Width, bitmap.Height);
    }

    public static byte[] Encode(SKPixmap pixmap, OutputFormat format)
    {
        using var data = format switch
        {
            // zlib level 6 is the default; 4 halves the time for a few percent of size.
            OutputFormat.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 4)),
            OutputFormat.Jpeg => EncodeJpeg(pixmap),
            OutputFormat.Webp => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"Skia could not encode {format}.");
    }

    /// <summary>
    /// PNG for intermediate files (normalised inputs): zlib level 1 and the Sub filter only — a few times faster to
    /// write than the output setting, for files that are read once by the engine and never downloaded by a person.
    /// </summary>
    public static byte[] EncodeFastPng(SKPixmap pixmap)
    {
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1));
        return data?.ToArray() ?? throw new InvalidOperationException("Skia could not encode PNG.");
    }

    private static SKData? EncodeJpeg(SKPixmap pixmap)
    {
        // JPEG has no alpha: flatten onto white, as a viewer would show a transparent PNG on paper.
        if (pixmap.AlphaType == SKAlphaType.Opaque)
        {
            return pixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        }
        using var flat = new SKBitmap(pixmap.Width, pixmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(flat))
        using (var image = SKImage.FromPixels(pixmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, 0, 0);
        }
        using var flatPixmap = flat.PeekPixels();
        return flatPixmap.Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
    }
}
