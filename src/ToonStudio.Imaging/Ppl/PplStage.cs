using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>Draws the subjects, their shadows and any props in the order the layout needs.</summary>
internal static class PplStage
{
    public static void Draw(SKCanvas canvas, PplPlacement at, SKImage character, SKImage product, int w, int h, Random random)
    {
        var sampling = Resize.Sampling(character.Width, at.Character.Width);
        switch (at.Kind)
        {
            case PplLayoutKind.Background:
                Standing(canvas, product, at.Product, at.LightFromLeft, SampleFor(product, at.Product));
                Standing(canvas, character, at.Character, at.LightFromLeft, sampling);
                break;

            case PplLayoutKind.OnTable:
                canvas.DrawImage(character, at.Character, sampling);
                RimLight.Draw(canvas, character, at.Character, at.LightFromLeft);
                Table.Draw(canvas, w, h, at.TableTop!.Value, at.Character.MidX, at.Character.Width, random);
                Standing(canvas, product, at.Product, at.LightFromLeft, SampleFor(product, at.Product));
                break;

            case PplLayoutKind.Holding:
                Standing(canvas, character, at.Character, at.LightFromLeft, sampling);
                Held(canvas, product, at.Product, at.LightFromLeft);
                break;

            default:
                Shadows.Cast(canvas, character, at.Character, at.LightFromLeft);
                Shadows.Cast(canvas, product, at.Product, at.LightFromLeft);
                Shadows.Contact(canvas, at.Character.MidX, at.Character.Bottom, at.Character.Width * 0.7f);
                Shadows.Contact(canvas, at.Product.MidX, at.Product.Bottom, at.Product.Width * 0.9f);
                canvas.DrawImage(character, at.Character, sampling);
                RimLight.Draw(canvas, character, at.Character, at.LightFromLeft);
                canvas.DrawImage(product, at.Product, SampleFor(product, at.Product));
                RimLight.Draw(canvas, product, at.Product, at.LightFromLeft);
                break;
        }
    }

    private static void Standing(SKCanvas canvas, SKImage image, SKRect dest, bool lightFromLeft, SKSamplingOptions sampling)
    {
        Shadows.Cast(canvas, image, dest, lightFromLeft);
        Shadows.Contact(canvas, dest.MidX, dest.Bottom, dest.Width * 0.75f);
        canvas.DrawImage(image, dest, sampling);
        RimLight.Draw(canvas, image, dest, lightFromLeft);
    }

    /// <summary>A held product casts a soft drop shadow on the character behind it instead of on the floor.</summary>
    private static void Held(SKCanvas canvas, SKImage product, SKRect dest, bool lightFromLeft)
    {
        var offset = dest.Height * 0.04f;
        using var shadow = SKImageFilter.CreateDropShadowOnly(
            lightFromLeft ? offset : -offset, offset, offset * 0.8f, offset * 0.8f, SKColors.Black.WithAlpha(90));
        using var paint = new SKPaint { ImageFilter = shadow };
        canvas.DrawImage(product, dest, SampleFor(product, dest), paint);
        canvas.DrawImage(product, dest, SampleFor(product, dest));
        RimLight.Draw(canvas, product, dest, lightFromLeft);
    }

    private static SKSamplingOptions SampleFor(SKImage image, SKRect dest) => Resize.Sampling(image.Width, dest.Width);
}
