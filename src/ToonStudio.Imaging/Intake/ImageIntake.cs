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
        var format = ImageCodec.Sniff(data.Span);
        if (format is not { IsAccepted: true })
        {
            throw new ImageIntakeException(IntakeFailure.Unsupported, $"Only PNG, JPEG and WebP are accepted (this looks like {format?.Name ?? "Unknown"}).");
        }

        SKBitmap upright;
        ImageHeader header;
        try
        {
            upright = ImageCodec.Decode(data.Span, new DecodeOptions(MaxPixels: limits.MaxPixels, MaxEdge: limits.MaxEdge, Orient: true), out header);
        }
        catch (ImageDecodeException e)
        {
            throw new ImageIntakeException(e.Failure == DecodeFailure.TooLarge ? IntakeFailure.TooLarge : IntakeFailure.Invalid, e.Message);
        }
        using (upright)
        {
            var hasAlpha = HasTransparency(upright);
            using var pixmap = upright.PeekPixels();
            var png = ImageCodec.Encode(pixmap, OutputFormat.Png, EncodeProfile.Fast);
            return new IntakeResult(png, upright.Width, upright.Height, format, header.Width, header.Height, hasAlpha);
        }
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
