using SkiaSharp;

namespace ToonStudio.Imaging.Codecs;

/// <summary>How hard an encoder works and what it does with alpha: one named setting per kind of file ToonStudio writes.</summary>
/// <param name="PngZlibLevel">0–9: higher is smaller and slower.</param>
/// <param name="PngFilters">The PNG row filters the encoder may try.</param>
/// <param name="FlattenJpegOnWhite">JPEG has no alpha: draw a non-opaque image on white first, instead of dropping alpha as it is.</param>
/// <param name="JpegQuality">0–100.</param>
/// <param name="WebpQuality">0–100, lossy.</param>
public sealed record EncodeProfile(int PngZlibLevel, SKPngEncoderFilterFlags PngFilters, bool FlattenJpegOnWhite, int JpegQuality = 90, int WebpQuality = 90)
{

    /// <summary>
    /// Intermediate files (normalised inputs): zlib level 1 and the Sub filter only — a few times faster to write than
    /// the output settings, for files that are read once by the engine and never downloaded by a person.
    /// </summary>
    public static EncodeProfile Fast { get; } = new(1, SKPngEncoderFilterFlags.Sub, FlattenJpegOnWhite: false);

    /// <summary>Rendered results (PPL, goods mockups): Skia's default PNG settings (zlib 6, all filters); JPEG drops alpha as it is.</summary>
    public static EncodeProfile Compact { get; } = new(6, SKPngEncoderFilterFlags.AllFilters, FlattenJpegOnWhite: false);

    /// <summary>
    /// A provider's result re-encoded to the asked format: zlib level 4 (half the time of 6 for a few percent of size);
    /// JPEG is flattened on white, as a viewer shows a transparent PNG on paper.
    /// </summary>
    public static EncodeProfile Transcode { get; } = new(4, SKPngEncoderFilterFlags.AllFilters, FlattenJpegOnWhite: true);

    /// <summary>Print files: zlib level 3 — most of a print file is transparent, which compresses well without the slow levels.</summary>
    public static EncodeProfile Print { get; } = new(3, SKPngEncoderFilterFlags.AllFilters, FlattenJpegOnWhite: true);
}
