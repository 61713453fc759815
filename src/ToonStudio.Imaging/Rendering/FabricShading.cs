using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// Shades a cloth surface from a <see cref="FoldField"/>: valleys multiplied darker (flat stays 1.0, so
/// the print is shaded with the cloth), ridges lifted with a faint white sheen.
/// </summary>
internal static class FabricShading
{
    private const int Resolution = 160;

    public static void Draw(SKCanvas canvas, SKPath body, FoldField field, float depth, float sheen, float edgeFalloff = 0f)
    {
        var bounds = body.Bounds;
        using var shade = new SKBitmap(new SKImageInfo(Resolution, Resolution, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var light = new SKBitmap(new SKImageInfo(Resolution, Resolution, SKColorType.Rgba8888, SKAlphaType.Premul));
        var dark = shade.GetPixelSpan();
        var bright = light.GetPixelSpan();
        for (var j = 0; j < Resolution; j++)
        {
            for (var i = 0; i < Resolution; i++)
            {
                var u = (i + 0.5f) / Resolution;
                var v = (j + 0.5f) / Resolution;
                var f = field.Value(bounds.Left + u * bounds.Width, bounds.Top + v * bounds.Height);
                // A pillow-like falloff: darker toward the edges of the body's box.
                var edge = edgeFalloff * (1f - Centre(u) * Centre(v));
                var g = (byte)Math.Clamp(255f * (1f - depth * (0.5f - 0.5f * f) - edge), 0f, 255f);
                var p = (j * Resolution + i) * 4;
                dark[p] = dark[p + 1] = dark[p + 2] = g;
                dark[p + 3] = 255;
                var s = (byte)Math.Clamp(255f * sheen * MathF.Max(0f, f) * MathF.Max(0f, f), 0f, 255f);
                bright[p] = bright[p + 1] = bright[p + 2] = bright[p + 3] = s;
            }
        }

        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        var sampling = new SKSamplingOptions(SKFilterMode.Linear);
        using var multiply = new SKPaint { BlendMode = SKBlendMode.Multiply };
        using var shadeImage = SKImage.FromBitmap(shade);
        canvas.DrawImage(shadeImage, bounds, sampling, multiply);
        using var screen = new SKPaint { BlendMode = SKBlendMode.Screen };
        using var lightImage = SKImage.FromBitmap(light);
        canvas.DrawImage(lightImage, bounds, sampling, screen);
        canvas.Restore();
    }

    /// <summary>0 at the box's edge rising smoothly to 1 a third of the way in.</summary>
    private static float Centre(float t)
    {
        var d = MathF.Min(1f, MathF.Min(t, 1f - t) * 3f);
        return d * d * (3f - 2f * d);
    }
}
