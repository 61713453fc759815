namespace ToonStudio.Imaging.Codecs;

/// <summary>What an image's header says before any pixel is decoded: stored size and EXIF orientation (1 = upright).</summary>
public sealed record ImageHeader(int Width, int Height, int Orientation)
{
    public long Pixels => (long)Width * Height;
}
