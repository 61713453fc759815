using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// The shading and highlight layers of a mockup (docs/mockups.md steps 5–6), each clipped to the product's
/// silhouette so the print beneath is shaded with the surface.
/// Both are drawn with plain source-over, Skia's fast path: multiplying by a gray g is exactly source-over
/// of black at alpha 1 − g, and screening white at alpha a is exactly source-over of that white.
/// </summary>
internal static class Layers
{
    /// <summary>Multiplies <paramref name="shader"/> (white = unchanged) over the area.</summary>
    public static void Multiply(SKCanvas canvas, SKPath area, SKShader shader) => Fill(canvas, area, shader, SKBlendMode.SrcOver);

    /// <summary>Screens <paramref name="shader"/> (black or transparent = unchanged) over the area.</summary>
    public static void Screen(SKCanvas canvas, SKPath area, SKShader shader) => Fill(canvas, area, shader, SKBlendMode.SrcOver);

    public static void Fill(SKCanvas canvas, SKPath area, SKShader shader, SKBlendMode mode)
    {
        using var paint = new SKPaint { Shader = shader, BlendMode = mode, IsAntialias = true };
        canvas.DrawPath(area, paint);
    }

    /// <summary>A multiply-by-<paramref name="level"/> colour for <see cref="Multiply"/> (1 = unchanged): black at alpha 1 − level.</summary>
    public static SKColor Gray(float level) => SKColors.Black.WithAlpha((byte)Math.Clamp((1f - level) * 255f, 0f, 255f));

    /// <summary>White at an opacity, for screen highlights.</summary>
    public static SKColor Light(float opacity) => SKColors.White.WithAlpha((byte)Math.Clamp(opacity * 255f, 0f, 255f));

    /// <summary>A horizontal multiply ramp across <paramref name="left"/>…<paramref name="right"/> (a cylinder, a body's sides).</summary>
    public static SKShader HorizontalRamp(float left, float right, float[] levels, float[]? positions = null)
    {
        var colors = new SKColor[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            colors[i] = Gray(levels[i]);
        }

        return SKShader.CreateLinearGradient(new SKPoint(left, 0), new SKPoint(right, 0), colors, positions, SKShaderTileMode.Clamp);
    }

    /// <summary>A vertical multiply ramp.</summary>
    public static SKShader VerticalRamp(float top, float bottom, float[] levels, float[]? positions = null)
    {
        var colors = new SKColor[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            colors[i] = Gray(levels[i]);
        }

        return SKShader.CreateLinearGradient(new SKPoint(0, top), new SKPoint(0, bottom), colors, positions, SKShaderTileMode.Clamp);
    }

    /// <summary>A soft vertical band of light (glaze, gloss) centred at <paramref name="x"/>.</summary>
    public static SKShader Band(float x, float halfWidth, float opacity)
    {
        SKColor[] colors = [Light(0), Light(opacity), Light(0)];
        return SKShader.CreateLinearGradient(new SKPoint(x - halfWidth, 0), new SKPoint(x + halfWidth, 0), colors, null, SKShaderTileMode.Clamp);
    }
}
