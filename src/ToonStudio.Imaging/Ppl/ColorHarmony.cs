using SkiaSharp;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// A partial Reinhard colour transfer in Lab: the product's mean and spread move a fraction of the way
/// toward the scene's, so a product shot under other light sits in this scene without losing its colours.
/// </summary>
internal static class ColorHarmony
{
    public static void Apply(SKBitmap premul, LabStats product, LabStats scene, float meanAmount = 0.28f, float spreadAmount = 0.12f)
    {
        var gainL = 1f + (scene.SdL / product.SdL - 1f) * spreadAmount;
        var gainA = 1f + (scene.SdA / product.SdA - 1f) * spreadAmount;
        var gainB = 1f + (scene.SdB / product.SdB - 1f) * spreadAmount;
        // Never squash the product's own contrast by more than a fifth.
        gainL = Math.Clamp(gainL, 0.8f, 1.2f);
        gainA = Math.Clamp(gainA, 0.8f, 1.2f);
        gainB = Math.Clamp(gainB, 0.8f, 1.2f);
        var targetL = product.L + (scene.L - product.L) * meanAmount * 0.5f;
        var targetA = product.A + (scene.A - product.A) * meanAmount;
        var targetB = product.B + (scene.B - product.B) * meanAmount;

        var pixels = premul.GetPixelSpan();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            var alpha = pixels[p + 3];
            if (alpha == 0)
            {
                continue;
            }

            var un = 255f / alpha;
            LabImage.ToLab(Un(pixels[p], un), Un(pixels[p + 1], un), Un(pixels[p + 2], un), out var l, out var a, out var b);
            var color = LabColor.ToSk(
                (l - product.L) * gainL + targetL,
                (a - product.A) * gainA + targetA,
                (b - product.B) * gainB + targetB);
            pixels[p] = (byte)(color.Red * alpha / 255);
            pixels[p + 1] = (byte)(color.Green * alpha / 255);
            pixels[p + 2] = (byte)(color.Blue * alpha / 255);
        }
    }

    private static byte Un(byte channel, float scale) => (byte)Math.Min(255f, channel * scale);
}
