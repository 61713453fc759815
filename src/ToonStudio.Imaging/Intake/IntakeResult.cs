using ToonStudio.Imaging.Codecs;

namespace ToonStudio.Imaging.Intake;

/// <summary>A normalized input: oriented, metadata dropped, at most the limit's edge, PNG-encoded (alpha kept).</summary>
public sealed record IntakeResult(
    byte[] Png,
    int Width,
    int Height,
    ImageFormat SourceFormat,
    int SourceWidth,
    int SourceHeight,
    bool HasAlpha);
