using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// A subject cut out of its picture and trimmed to its content box (unpremultiplied RGBA), with what
/// was learnt about the background it came from.
/// </summary>
internal sealed class CutoutImage(SKBitmap subject, SKRectI bounds, SKColor background, float backgroundSpread, bool hadAlpha) : IDisposable
{
    public SKBitmap Subject { get; } = subject;

    /// <summary>Where the trimmed subject sat in the source image.</summary>
    public SKRectI Bounds { get; } = bounds;

    /// <summary>The removed background's typical colour (transparent when the input had alpha).</summary>
    public SKColor Background { get; } = background;

    /// <summary>Median Lab distance of the border from its typical colour: near 0 for studio white, high for a scene.</summary>
    public float BackgroundSpread { get; } = backgroundSpread;

    public bool HadAlpha { get; } = hadAlpha;

    public int Width => Subject.Width;

    public int Height => Subject.Height;

    /// <summary>A premultiplied image of the subject: drawing an unpremultiplied one converts on every draw.</summary>
    public SKImage ToImage()
    {
        using var premul = PixelOps.Premultiply(Subject);
        return SKImage.FromBitmap(premul);
    }

    public void Dispose() => Subject.Dispose();
}
