using SkiaSharp;
using ToonStudio.Imaging.Codecs;

namespace ToonStudio.Imaging.Intake;

/// <summary>
/// Turns an uploaded file into a safe, normalized input: sniff → header dimensions against the pixel limit →
/// decode (scaled early where the codec can) → orient → downscale → PNG. Every refusal is an
/// <see cref="ImageIntakeException"/>; nothing here throws anything else for bad bytes.
/// </summary>
public static class ImageIntake
{
    private static readonly SKSamplingOptions Downscale = new(SKCubicResampler.Mitchell);

    public static IntakeResult Process(ReadOnlyMemory<byte> data, IntakeLimits limits)
    {
        if (data.Length == 0)
        {
            throw new ImageIntakeException(IntakeFailure.Invalid, "The file is empty.");
        }
        if (data.Length > limits.MaxBytes)
        {
            throw new ImageIntakeException(IntakeFailure.TooLarge, $"The file is larger than {limits.MaxBytes} bytes.");
        }
        var format = ImageSniffer.Sniff(data.Span);
        if (!ImageSniffer.IsAccepted(format))
        {
            throw new ImageIntakeException(IntakeFailure.Unsupported, $"Only PNG, JPEG and WebP are accepted (this looks like {format}).");
        }

        using var skData = SKData.CreateCopy(data.Span);
        using var codec = SKCodec.Create(skData)
            ?? throw new ImageIntakeException(IntakeFailure.Invalid, "The image header cannot be read: the data is truncated or corrupt.");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageIntakeException(IntakeFailure.Invalid, "The image has no pixels.");
        }
        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            throw new ImageIntakeException(IntakeFailure.TooLarge, $"{info.Width}×{info.Height} is more than {limits.MaxPixels} pixels.");
        }

        using var decoded = Decode(codec, limits.MaxEdge);
        using var upright = OrientAndFit(decoded, codec.EncodedOrigin, limits.MaxEdge);
        var hasAlpha = HasTransparency(upright);
        using var pixmap = upright.PeekPixels();
        var png = ImageEncoder.EncodeFastPng(pixmap);
        return new IntakeResult(png, upright.Width, upright.Height, format, info.Width, info.Height, hasAlpha);
    }

    /// <summary>Decodes at the smallest codec-supported scale that still covers <paramref name="maxEdge"/> (JPEG ÷2, ÷4, ÷8).</summary>
    private static SKBitmap Decode(SKCodec codec, int maxEdge)
    {
        var full = codec.Info;
        var longest = Math.Max(full.Width, full.Height);
        var size = full.Size;
        if (longest > maxEdge)
        {
            var wanted = codec.GetScaledDimensions((float)maxEdge / longest);
            if (Math.Max(wanted.Width, wanted.Height) >= maxEdge)
            {
                size = wanted;
            }
        }
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var status = codec.GetPixels(info, bitmap.GetPixels());
        if (status is not (SKCodecResult.Success))
        {
            bitmap.Dispose();
            throw new ImageIntakeException(IntakeFailure.Invalid, $"The image data is truncated or corrupt ({status}).");
        }
        return bitmap;
    }

    private static SKBitmap OrientAndFit(SKBitmap source, SKEncodedOrigin origin, int maxEdge)
    {
        var swap = Orientation.SwapsAxes(origin);
        int uprightW = swap ? source.Height : source.Width, uprightH = swap ? source.Width : source.Height;
        var scale = Math.Min(1f, (float)maxEdge / Math.Max(uprightW, uprightH));
        var w = Math.Max(1, (int)MathF.Round(uprightW * scale));
        var h = Math.Max(1, (int)MathF.Round(uprightH * scale));

        var target = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale((float)w / uprightW, (float)h / uprightH);
        canvas.Concat(Orientation.Matrix(origin, source.Width, source.Height));
        // Immutable first, so FromBitmap shares the pixels instead of copying them: for a 36 MP PNG that copy was
        // another 144 MB at the decode's peak (found by the hostile-input RSS run, docs/reliability.md).
        source.SetImmutable();
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, Downscale);
        return target;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return true;
            }
        }
        return false;
    }
}
