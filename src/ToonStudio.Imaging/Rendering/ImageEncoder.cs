using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>Encodes a finished canvas in the requested format.</summary>
internal static class ImageEncoder
{
    private const int JpegQuality = 90;
    private const int WebpQuality = 90;

    public static EncodedImage Encode(SKImage image, OutputFormat format)
    {
        using var data = format switch
        {
            OutputFormat.Png => image.Encode(SKEncodedImageFormat.Png, 100),
            OutputFormat.Jpeg => image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality),
            OutputFormat.Webp => image.Encode(SKEncodedImageFormat.Webp, WebpQuality),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
        };
        return new EncodedImage(data.ToArray(), ContentType(format), image.Width, image.Height);
    }

    public static string ContentType(OutputFormat format) => format switch
    {
        OutputFormat.Png => "image/png",
        OutputFormat.Jpeg => "image/jpeg",
        _ => "image/webp",
    };
}
