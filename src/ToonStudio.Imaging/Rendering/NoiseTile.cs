using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// A small seeded grain tile, repeated as a shader and multiplied at a few percent: fabric weave or paper
/// tooth without a per-pixel pass over the whole canvas.
/// </summary>
internal static class NoiseTile
{
    private const int Size = 128;

    /// <param name="weave">Adds thread lines every other pixel (canvas, cotton); false gives plain grain (paper).</param>
    public static SKShader Create(Random random, float strength, bool weave)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var n = (float)random.NextDouble() - 0.5f;
                if (weave)
                {
                    n = n * 0.6f + (((x + (y >> 1)) & 1) == 0 ? 0.3f : -0.3f) * (((y + (x >> 1)) & 1) == 0 ? 1f : 0.4f);
                }

                // Black at a small alpha: multiplying by the grain, drawn source-over (see Layers).
                var p = (y * Size + x) * 4;
                pixels[p] = pixels[p + 1] = pixels[p + 2] = 0;
                pixels[p + 3] = (byte)Math.Clamp(255f * strength * (0.5f + n), 0f, 255f);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat, new SKSamplingOptions(SKFilterMode.Nearest));
    }

    /// <summary>Multiplies the grain over <paramref name="area"/>.</summary>
    public static void Apply(SKCanvas canvas, SKPath area, Random random, float strength, bool weave)
    {
        using var shader = Create(random, strength, weave);
        using var paint = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawPath(area, paint);
    }
}
