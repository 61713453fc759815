using SkiaSharp;

namespace ToonStudio.Imaging.Codecs;

/// <summary>The one entry point for image bytes: tell the format, read the header, decode to pixels, encode pixels.</summary>
public static class ImageCodec
{
    private static readonly SKSamplingOptions Downscale = new(SKCubicResampler.Mitchell);

    /// <inheritdoc cref="ImageFormat.Sniff"/>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> head) => ImageFormat.Sniff(head);

    /// <summary>Width, height and EXIF orientation (1–8) from the header alone; null when no codec can read it.</summary>
    public static ImageHeader? ReadHeader(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return null;
        }
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : new ImageHeader(codec.Info.Width, codec.Info.Height, ExifOrientation(codec.EncodedOrigin));
    }

    /// <summary>Decodes to an RGBA bitmap the caller owns; every refusal is an <see cref="ImageDecodeException"/>.</summary>
    public static SKBitmap Decode(ReadOnlySpan<byte> encoded, DecodeOptions options) => Decode(encoded, options, out _);

    /// <summary>Decodes as <see cref="Decode(ReadOnlySpan{byte}, DecodeOptions)"/> and says what the header said (the stored size, before scaling).</summary>
    public static SKBitmap Decode(ReadOnlySpan<byte> encoded, DecodeOptions options, out ImageHeader header)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(DecodeFailure.Unreadable, "The file is empty.");
        }
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException(DecodeFailure.Unreadable, "The image header cannot be read: the data is truncated or corrupt.");
        var stored = codec.Info;
        header = new ImageHeader(stored.Width, stored.Height, ExifOrientation(codec.EncodedOrigin));
        if (stored.Width <= 0 || stored.Height <= 0)
        {
            throw new ImageDecodeException(DecodeFailure.Unreadable, "The image has no pixels.");
        }
        if (options.MaxPixels is { } maxPixels && (long)stored.Width * stored.Height > maxPixels)
        {
            throw new ImageDecodeException(DecodeFailure.TooLarge, $"{stored.Width}×{stored.Height} is more than {maxPixels} pixels.");
        }

        var alpha = options.Unpremultiplied ? SKAlphaType.Unpremul : SKAlphaType.Premul;
        var colorSpace = options.Unpremultiplied ? null : SKColorSpace.CreateSrgb();
        var size = ScaledSize(codec, options.MaxEdge);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, colorSpace);
        var decoded = new SKBitmap(info);
        var status = codec.GetPixels(info, decoded.GetPixels());
        if (!(status == SKCodecResult.Success || (options.AllowIncomplete && status == SKCodecResult.IncompleteInput)))
        {
            decoded.Dispose();
            throw new ImageDecodeException(DecodeFailure.Corrupt, $"The image data is truncated or corrupt ({status}).");
        }

        var origin = options.Orient ? codec.EncodedOrigin : SKEncodedOrigin.TopLeft;
        if (options.MaxEdge is null && origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return decoded;
        }
        using (decoded)
        {
            return OrientAndFit(decoded, origin, options.MaxEdge, alpha, colorSpace);
        }
    }

    /// <summary>Encodes a bitmap; see <see cref="Encode(SKPixmap, OutputFormat, EncodeProfile)"/>.</summary>
    public static EncodedImage Encode(SKBitmap bitmap, OutputFormat format, EncodeProfile profile)
    {
        using var pixmap = bitmap.PeekPixels();
        return new EncodedImage(Encode(pixmap, format, profile), ImageFormat.Of(format).MimeType, bitmap.Width, bitmap.Height);
    }

    /// <summary>Encodes a raster image (a surface snapshot); see <see cref="Encode(SKPixmap, OutputFormat, EncodeProfile)"/>.</summary>
    public static EncodedImage Encode(SKImage image, OutputFormat format, EncodeProfile profile)
    {
        using var pixmap = image.PeekPixels() ?? throw new ArgumentException("The image has no raster pixels.", nameof(image));
        return new EncodedImage(Encode(pixmap, format, profile), ImageFormat.Of(format).MimeType, image.Width, image.Height);
    }

    /// <summary>PNG and WebP keep alpha; JPEG, which has none, is flattened on white when the profile says so. JPEG and WebP at the profile's quality.</summary>
    public static byte[] Encode(SKPixmap pixmap, OutputFormat format, EncodeProfile profile)
    {
        using var data = format switch
        {
            OutputFormat.Png => pixmap.Encode(new SKPngEncoderOptions(profile.PngFilters, profile.PngZlibLevel)),
            OutputFormat.Jpeg => EncodeJpeg(pixmap, profile),
            OutputFormat.Webp => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, profile.WebpQuality)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
        };
        return data?.ToArray() ?? throw new InvalidOperationException($"Skia could not encode {format}.");
    }

    /// <summary>Re-encodes an image in another format (every pixel decoded: a truncated or corrupt image throws <see cref="ImageDecodeException"/>).</summary>
    public static EncodedImage Transcode(ReadOnlySpan<byte> encoded, OutputFormat format)
    {
        using var bitmap = Decode(encoded, DecodeOptions.Strict);
        return Encode(bitmap, format, EncodeProfile.Transcode);
    }

    /// <summary>Decodes every pixel to prove the image complete: a truncated or corrupt image throws <see cref="ImageDecodeException"/>.</summary>
    public static (int Width, int Height) Validate(ReadOnlySpan<byte> encoded)
    {
        using var bitmap = Decode(encoded, DecodeOptions.Strict);
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>The EXIF orientation tag value (1–8) of a Skia origin.</summary>
    public static int ExifOrientation(SKEncodedOrigin origin) => origin is SKEncodedOrigin.Default ? 1 : (int)origin;

    /// <summary>The smallest codec-supported scale that still covers <paramref name="maxEdge"/>; the stored size without one.</summary>
    private static SKSizeI ScaledSize(SKCodec codec, int? maxEdge)
    {
        var full = codec.Info;
        var longest = Math.Max(full.Width, full.Height);
        if (maxEdge is { } edge && longest > edge)
        {
            var wanted = codec.GetScaledDimensions((float)edge / longest);
            if (Math.Max(wanted.Width, wanted.Height) >= edge)
            {
                return wanted;
            }
        }
        return full.Size;
    }

    private static SKBitmap OrientAndFit(SKBitmap source, SKEncodedOrigin origin, int? maxEdge, SKAlphaType alpha, SKColorSpace? colorSpace)
    {
        var swap = Orientation.SwapsAxes(origin);
        int uprightW = swap ? source.Height : source.Width, uprightH = swap ? source.Width : source.Height;
        var scale = maxEdge is { } edge ? Math.Min(1f, (float)edge / Math.Max(uprightW, uprightH)) : 1f;
        var w = Math.Max(1, (int)MathF.Round(uprightW * scale));
        var h = Math.Max(1, (int)MathF.Round(uprightH * scale));

        var target = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, alpha, colorSpace));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale((float)w / uprightW, (float)h / uprightH);
        canvas.Concat(Orientation.Matrix(origin, source.Width, source.Height));
        // Immutable first, so FromBitmap shares the pixels instead of copying them: for a 36 MP PNG that copy was
        // another 144 MB at the decode's peak (found by the hostile-input RSS run, docs/reliability.md).
        source.SetImmutable();
        using var image = SKImage.FromBitmap(source);
        // Fitting resamples (Mitchell); a pure rotation or flip copies pixels as they are.
        canvas.DrawImage(image, 0, 0, maxEdge is null ? default : Downscale);
        return target;
    }

    private static SKData? EncodeJpeg(SKPixmap pixmap, EncodeProfile profile)
    {
        var options = new SKJpegEncoderOptions(profile.JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore);
        if (!profile.FlattenJpegOnWhite || pixmap.AlphaType == SKAlphaType.Opaque)
        {
            return pixmap.Encode(options);
        }
        using var flat = new SKBitmap(pixmap.Width, pixmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(flat))
        using (var image = SKImage.FromPixels(pixmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, 0, 0);
        }
        using var flatPixmap = flat.PeekPixels();
        return flatPixmap.Encode(options);
    }
}
