using SkiaSharp;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// The scene behind the composite: the character's own scene extended and softened when it came with
/// one, else a studio wall and floor tinted from both subjects' palettes.
/// </summary>
internal static class PplBackground
{
    public static bool IsScene(CutoutImage character) => !character.HadAlpha && character.BackgroundSpread > Cutter.SceneSpread;

    /// <summary>Draws the background and returns its palette, the target for colour harmony.</summary>
    public static LabStats Draw(SKCanvas canvas, int w, int h, SKBitmap characterSource, CutoutImage cutout, LabStats character, LabStats product, bool scene)
    {
        if (scene)
        {
            DrawScene(canvas, w, h, characterSource, cutout);
            return LabStats.Of(characterSource, 4000);
        }

        // A pale tint of both subjects' mean hue: related to them, never competing with them.
        var a = (character.A + product.A) * 0.5f * 0.22f;
        var b = (character.B + product.B) * 0.5f * 0.22f;
        var wallTop = LabColor.ToSk(95f, a, b);
        var wallLow = LabColor.ToSk(88f, a * 1.2f, b * 1.2f);
        var floorNear = LabColor.ToSk(80f, a * 1.3f, b * 1.3f);
        var horizon = h * 0.68f;
        StudioSweep.Draw(canvas, w, h, horizon, wallTop, wallLow, floorNear);
        return new LabStats(88f, a, b, 6f, 2f, 2f);
    }

    private static void DrawScene(SKCanvas canvas, int w, int h, SKBitmap source, CutoutImage cutout)
    {
        // Cover the canvas (the scene is extended past its edges by clamping), then soften it so the
        // sharp subjects in front read as the focus.
        var scale = Math.Max((float)w / source.Width, (float)h / source.Height);
        var dw = source.Width * scale;
        var dh = source.Height * scale;
        var dest = new SKRect((w - dw) / 2f, (h - dh) / 2f, (w + dw) / 2f, (h + dh) / 2f);
        // Blurred anyway: work at a quarter of the size, where the blur is sixteen times cheaper.
        using var full = PixelOps.OpaqueAsPremul(source);
        using var small = Resize.Within(full, Math.Max(w, h) / 4);
        using var pixels = SKBitmap.FromImage(small);
        SceneFill.RemoveSubject(pixels, cutout, source.Width, source.Height);
        using var image = SKImage.FromBitmap(pixels);
        var sigma = Math.Max(w, h) * 0.003f;
        using var blur = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = blur };
        canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear), paint);
        using var veil = new SKPaint { Color = SKColors.White.WithAlpha(40) };
        canvas.DrawRect(0, 0, w, h, veil);
    }

    /// <summary>Whether the scene is brighter on its left: shadows then fall to the right, rims light on the left.</summary>
    public static bool LitFromLeft(SKBitmap scene)
    {
        var pixels = scene.GetPixelSpan();
        int w = scene.Width, h = scene.Height, third = Math.Max(1, w / 3);
        long left = 0, right = 0;
        for (var y = 0; y < h; y += 4)
        {
            for (var x = 0; x < third; x += 4)
            {
                left += Luma(pixels, (y * w + x) * 4);
                right += Luma(pixels, (y * w + w - 1 - x) * 4);
            }
        }

        return left >= right;
    }

    private static int Luma(ReadOnlySpan<byte> p, int i) => (p[i] * 54 + p[i + 1] * 183 + p[i + 2] * 19) >> 8;
}
