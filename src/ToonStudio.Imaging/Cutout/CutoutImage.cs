using SkiaSharp;

namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// A subject cut out of its picture and trimmed to its content box (unpremultiplied RGBA), with what
/// was learnt about the background it came from.
/// </summary>
internal sealed class CutoutImage(SKBitmap subject, SKColor background, float backgroundSpread, bool hadAlpha) : IDisposable
{
    public SKBitmap Subject { get; } = subject;

    /// <summary>The removed background's typical colour (transparent when the input had alpha).</summary>
    public SKColor Background { get; } = background;

    /// <summary>Median Lab distance of the border from its typical colour: near 0 for studio white, high for a scene.</summary>
    public float BackgroundSpread { get; } = backgroundSpread;

    public bool HadAlpha { get; } = hadAlpha;

    public int Width => Subject.Width;

    public int Height => Subject.Height;

    public SKImage ToImage() => SKImage.FromBitmap(Subject);

    public void Dispose() => Subject.Dispose();
}
