namespace ToonStudio.Cli.Api;

/// <summary>Names a downloaded image's file extension by its bytes.</summary>
internal static class ImageMagic
{
    /// <summary>"png", "jpg", "webp" by the first bytes, or null when the bytes are no image the server makes.</summary>
    public static string? Extension(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "jpg"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "webp"
        : null;
}
