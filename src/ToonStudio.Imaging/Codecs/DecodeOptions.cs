namespace ToonStudio.Imaging.Codecs;

/// <summary>What <see cref="ImageCodec.Decode(ReadOnlySpan{byte}, DecodeOptions)"/> checks and does on the way to pixels.</summary>
/// <param name="MaxPixels">Largest width × height accepted, read from the header before any pixel is decoded (decompression bombs); null for no limit.</param>
/// <param name="MaxEdge">The longer upright side is at most this: decoded at the smallest codec scale that still covers it (JPEG ÷2, ÷4, ÷8), then downscaled (Mitchell); null keeps the stored size.</param>
/// <param name="Orient">Apply the EXIF orientation, so the bitmap is upright.</param>
/// <param name="Unpremultiplied">Unpremultiplied RGBA as stored (no colour conversion), the layout the per-pixel passes expect; otherwise premultiplied sRGB, for drawing.</param>
/// <param name="AllowIncomplete">Accept a truncated image with the rows that were decoded (the rest transparent).</param>
public sealed record DecodeOptions(long? MaxPixels = null, int? MaxEdge = null, bool Orient = true, bool Unpremultiplied = false, bool AllowIncomplete = false)
{
    /// <summary>Every pixel as stored, premultiplied sRGB, not oriented: the check that a provider's image is complete.</summary>
    public static DecodeOptions Strict { get; } = new(Orient: false);

    /// <summary>Upright unpremultiplied RGBA for the rendering passes; a truncated tail is tolerated.</summary>
    public static DecodeOptions Pixels { get; } = new(Orient: true, Unpremultiplied: true, AllowIncomplete: true);
}
