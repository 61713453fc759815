namespace ToonStudio.Imaging.Codecs;

/// <summary>An image file format told by its magic bytes, with its MIME type, file extension and whether ToonStudio reads it.</summary>
public sealed class ImageFormat
{
    private readonly Signature _signature;

    private ImageFormat(string name, string mimeType, string extension, OutputFormat? output, Signature signature)
    {
        Name = name;
        MimeType = mimeType;
        Extension = extension;
        Output = output;
        _signature = signature;
    }

    private delegate bool Signature(ReadOnlySpan<byte> head);

    public static ImageFormat Png { get; } = new("Png", "image/png", "png", OutputFormat.Png, static head => head.StartsWith(PngSignature));

    public static ImageFormat Jpeg { get; } = new("Jpeg", "image/jpeg", "jpg", OutputFormat.Jpeg,
        static head => head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF);

    public static ImageFormat Webp { get; } = new("Webp", "image/webp", "webp", OutputFormat.Webp,
        static head => head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8));

    public static ImageFormat Gif { get; } = new("Gif", "image/gif", "gif", null, static head => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8));

    public static ImageFormat Bmp { get; } = new("Bmp", "image/bmp", "bmp", null, static head => head.StartsWith("BM"u8));

    public static ImageFormat Tiff { get; } = new("Tiff", "image/tiff", "tif", null, static head => head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8));

    /// <summary>Any ISO base media file (<c>ftyp</c> box): HEIC, AVIF and friends.</summary>
    public static ImageFormat Heic { get; } = new("Heic", "image/heic", "heic", null, static head => head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8));

    /// <summary>Text, so checked last: an <c>&lt;svg</c> or <c>&lt;?xml</c> in the first 256 bytes.</summary>
    public static ImageFormat Svg { get; } = new("Svg", "image/svg+xml", "svg", null, static head => LooksLikeSvg(head));

    /// <summary>Every recognised format, in the order <see cref="Sniff"/> tries them.</summary>
    public static IReadOnlyList<ImageFormat> All { get; } = [Png, Jpeg, Webp, Gif, Bmp, Tiff, Heic, Svg];

    public string Name { get; }

    public string MimeType { get; }

    /// <summary>Without the dot.</summary>
    public string Extension { get; }

    /// <summary>The output format with this encoding; null for the formats ToonStudio only recognises to refuse them.</summary>
    public OutputFormat? Output { get; }

    /// <summary>Whether uploads and provider results may be in this format (PNG, JPEG and WebP).</summary>
    public bool IsAccepted => Output is not null;

    /// <summary>Bytes, not a string literal: "\x89" in a u8 string would be UTF-8 encoded to two bytes.</summary>
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format of these first bytes, whatever a file name or Content-Type claims; null when none matches.</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> head)
    {
        foreach (var format in All)
        {
            if (format._signature(head))
            {
                return format;
            }
        }
        return null;
    }

    public static ImageFormat Of(OutputFormat format) => format switch
    {
        OutputFormat.Png => Png,
        OutputFormat.Jpeg => Jpeg,
        OutputFormat.Webp => Webp,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };

    public override string ToString() => Name;

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = head[..Math.Min(head.Length, 256)];
        return text.IndexOf("<svg"u8) >= 0 || text.IndexOf("<?xml"u8) >= 0;
    }
}
