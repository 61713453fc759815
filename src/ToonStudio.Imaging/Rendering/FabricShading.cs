using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// Shades a cloth surface from a <see cref="FoldField"/>: valleys multiplied darker (flat stays 1.0, so
/// the print is shaded with the cloth), ridges lifted with a faint white sheen.
/// </summary>
internal static class FabricShading
{
    private const int Resolution = 96;

    public static void Draw(SKCanvas canvas, SKPath body, FoldField field, float depth, float sheen, float edgeFalloff = 0f)
    {
        // One premultiplied layer drawn source-over does both: black at alpha (1 − shade) multiplies the cloth
        // by the shade, white on top screens the sheen (see Layers for the equivalence).
        var bounds = body.Bounds;
        using var layer = new SKBitmap(new SKImageInfo(Resolution, Resolution, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = layer.GetPixelSpan();
        for (var j = 0; j < Resolution; j++)
        {
            for (var i = 0; i < Resolution; i++)
            {
                var u = (i + 0.5f) / Resolution;
                var v = (j + 0.5f) / Resolution;
                var f = field.Value(bounds.Left + u * bounds.Width, bounds.Top + v * bounds.Height);
                // A pillow-like falloff: darker toward the edges of the body's box.
                var edge = edgeFalloff * (1f - Centre(u) * Centre(v));
                var dark = Math.Clamp(depth * (0.5f - 0.5f * f) + edge, 0f, 1f);
                var light = Math.Clamp(sheen * MathF.Max(0f, f) * MathF.Max(0f, f), 0f, 1f);
                var alpha = 1f - (1f - dark) * (1f - light);
                var p = (j * Resolution + i) * 4;
                pixels[p] = pixels[p + 1] = pixels[p + 2] = (byte)(light * 255f);
                pixels[p + 3] = (byte)(alpha * 255f);
            }
        }

        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        using var image = SKImage.FromBitmap(layer);
        canvas.DrawImage(image, bounds, new SKSamplingOptions(SKFilterMode.Linear));
        canvas.Restore();
    }

    /// <summary>0 at the box's edge rising smoothly to 1 a third of the way in.</summary>
    private static float Centre(float t)
    {
        var d = MathF.Min(1f, MathF.Min(t, 1f - t) * 3f);
        return d * d * (3f - 2f * d);
    }
}
