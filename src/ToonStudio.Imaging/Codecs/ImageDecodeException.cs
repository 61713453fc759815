namespace ToonStudio.Imaging.Codecs;

/// <summary>Why bytes did not become pixels.</summary>
public enum DecodeFailure
{
    /// <summary>No image, or a header no codec can read.</summary>
    Unreadable,
    /// <summary>The header names more pixels than <see cref="DecodeOptions.MaxPixels"/>.</summary>
    TooLarge,
    /// <summary>The header was read but the pixel data is truncated or corrupt.</summary>
    Corrupt,
}

/// <summary>Bytes the codec refused, with the reason.</summary>
public sealed class ImageDecodeException(DecodeFailure failure, string message) : Exception(message)
{
    public DecodeFailure Failure { get; } = failure;
}
