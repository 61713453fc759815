namespace ToonStudio.Imaging.Codecs;

public enum SniffedFormat { Unknown, Png, Jpeg, Webp, Gif, Svg, Bmp, Tiff, Heic }

/// <summary>Tells an image's format from its first bytes, whatever its file name or Content-Type claims.</summary>
public static class ImageSniffer
{
    /// <summary>Bytes, not a string literal: "\x89" in a u8 string would be UTF-8 encoded to two bytes.</summary>
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return SniffedFormat.Png;
        }
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return SniffedFormat.Jpeg;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return SniffedFormat.Webp;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return SniffedFormat.Gif;
        }
        if (head.StartsWith("BM"u8))
        {
            return SniffedFormat.Bmp;
        }
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return SniffedFormat.Tiff;
        }
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return SniffedFormat.Heic;
        }
        return LooksLikeSvg(head) ? SniffedFormat.Svg : SniffedFormat.Unknown;
    }

    public static bool IsAccepted(SniffedFormat format) => format is SniffedFormat.Png or SniffedFormat.Jpeg or SniffedFormat.Webp;

    private static bool LooksLikeSvg(ReadOnlySpan<byte> head)
    {
        var text = head[..Math.Min(head.Length, 256)];
        return text.IndexOf("<svg"u8) >= 0 || (text.IndexOf("<?xml"u8) >= 0);
    }
}
