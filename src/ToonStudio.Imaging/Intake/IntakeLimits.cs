namespace ToonStudio.Imaging.Intake;

/// <summary>The bounds intake holds an upload to.</summary>
/// <param name="MaxBytes">Largest encoded upload accepted.</param>
/// <param name="MaxPixels">Largest width × height accepted, read from the header before decoding (decompression bombs).</param>
/// <param name="MaxEdge">The decoded image is downscaled so its longer side is at most this.</param>
public sealed record IntakeLimits(long MaxBytes, long MaxPixels, int MaxEdge)
{
    public static IntakeLimits Default { get; } = new(5 * 1024 * 1024, 40_000_000, 1024);
}
