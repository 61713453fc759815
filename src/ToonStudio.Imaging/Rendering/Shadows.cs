using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// The two shadows that seat an object on a floor (docs/mockups.md "A mockup is a stack of layers"):
/// a soft cast shadow of its silhouette and a tight, darker contact shadow where it touches.
/// </summary>
internal static class Shadows
{
    /// <summary>A tight dark ellipse under an object whose base is centred at (<paramref name="cx"/>, <paramref name="floorY"/>).</summary>
    public static void Contact(SKCanvas canvas, float cx, float floorY, float width, float opacity = 0.45f)
    {
        var height = Math.Max(2f, width * 0.09f);
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, Math.Max(1f, height * 0.45f));
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Color = SKColors.Black.WithAlpha((byte)(255 * opacity)),
            MaskFilter = blur,
        };
        canvas.DrawOval(new SKRect(cx - width / 2, floorY - height / 2, cx + width / 2, floorY + height / 2), paint);
    }

    /// <summary>
    /// The silhouette of <paramref name="image"/> drawn in <paramref name="dest"/>, laid on the floor: squashed
    /// to a quarter height, sheared away from the light (<paramref name="lightFromLeft"/>), blurred.
    /// </summary>
    public static void Cast(SKCanvas canvas, SKImage image, SKRect dest, bool lightFromLeft, float opacity = 0.28f)
    {
        var floorY = dest.Bottom;
        var shear = lightFromLeft ? 0.9f : -0.9f;
        canvas.Save();
        // Pivot on the floor line: y' = floor + (y - floor) * 0.22, x' = x + shear * (floor - y) * 0.22.
        var squash = SKMatrix.CreateScale(1f, 0.22f, dest.MidX, floorY);
        var skew = new SKMatrix(1, -shear, shear * floorY, 0, 1, 0, 0, 0, 1);
        canvas.Concat(SKMatrix.Concat(skew, squash));
        var sigma = dest.Height * 0.025f;
        using var blur = SKImageFilter.CreateBlur(sigma, sigma * 4f);
        using var tint = SKColorFilter.CreateBlendMode(SKColors.Black, SKBlendMode.SrcIn);
        using var paint = new SKPaint
        {
            ColorFilter = tint,
            ImageFilter = blur,
            Color = SKColors.Black.WithAlpha((byte)(255 * opacity)),
        };
        canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear), paint);
        canvas.Restore();
    }

    /// <summary>The soft shadow of a shape on the backdrop: offset down, blurred, at low opacity.</summary>
    public static void OfPath(SKCanvas canvas, SKPath path, float dx, float dy, float sigma, float opacity)
    {
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, sigma);
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Color = SKColors.Black.WithAlpha((byte)(255 * opacity)),
            MaskFilter = blur,
        };
        canvas.Save();
        canvas.Translate(dx, dy);
        canvas.DrawPath(path, paint);
        canvas.Restore();
    }
}
