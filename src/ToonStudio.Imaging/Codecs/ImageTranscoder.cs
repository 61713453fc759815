using SkiaSharp;

namespace ToonStudio.Imaging.Codecs;

/// <summary>Re-encodes an image when a provider answered in another format than the one the user asked for.</summary>
public static class ImageTranscoder
{
    public static EncodedImage Transcode(ReadOnlySpan<byte> image, OutputFormat format)
    {
        using var bitmap = DecodeFully(image);
        return ImageEncoder.Encode(bitmap, format);
    }

    /// <summary>Decodes every pixel: a provider's image that is truncated or corrupt throws <see cref="InvalidDataException"/>.</summary>
    public static (int Width, int Height) Validate(ReadOnlySpan<byte> image)
    {
        using var bitmap = DecodeFully(image);
        return (bitmap.Width, bitmap.Height);
    }

    private static SKBitmap DecodeFully(ReadOnlySpan<byte> image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException("The image cannot be decoded.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var status = codec.GetPixels(info, bitmap.GetPixels());
        if (status != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new InvalidDataException($"The image is truncated or corrupt ({status}).");
        }
        return bitmap;
    }
}
