using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// A faint rim light on the edge of a cut-out that faces the light (docs/mockups.md "Composites"): the silhouette
/// minus itself shifted away from the light leaves a thin crescent on the lit side, blurred a little and laid
/// over the subject. It ties a pasted subject to the scene's light.
/// </summary>
internal static class RimLight
{
    public static void Draw(SKCanvas canvas, SKImage image, SKRect dest, bool lightFromLeft, float opacity = 0.32f)
    {
        var d = Math.Max(1.5f, dest.Width * 0.012f);
        var blur = Math.Max(0.8f, d * 0.4f);
        using var soften = SKImageFilter.CreateBlur(blur, blur);
        using var layer = new SKPaint { ImageFilter = soften, Color = SKColors.White.WithAlpha((byte)(255 * opacity)) };
        var sampling = new SKSamplingOptions(SKFilterMode.Linear);
        canvas.SaveLayer(dest, layer);
        using var white = SKColorFilter.CreateBlendMode(new SKColor(0xFF, 0xF8, 0xEC), SKBlendMode.SrcIn);
        using var silhouette = new SKPaint { ColorFilter = white };
        canvas.DrawImage(image, dest, sampling, silhouette);
        // Light from the upper left: cut away the silhouette shifted down-right, leaving the upper-left rim.
        var shifted = dest;
        shifted.Offset(lightFromLeft ? d : -d, d * 0.5f);
        using var cut = new SKPaint { BlendMode = SKBlendMode.DstOut };
        canvas.DrawImage(image, shifted, sampling, cut);
        canvas.Restore();
    }
}
