using SkiaSharp;
using ToonStudio.Imaging.Cutout;

namespace ToonStudio.Imaging.Rendering;

/// <summary>Mean and spread of an image's opaque pixels in Lab: its palette in six numbers.</summary>
internal readonly record struct LabStats(float L, float A, float B, float SdL, float SdA, float SdB)
{
    /// <summary>Measured on a sparse grid of the opaque pixels: a palette does not need every pixel.</summary>
    public static LabStats Of(SKBitmap unpremul, int maxSamples = 20000)
    {
        var pixels = unpremul.GetPixelSpan();
        var count = unpremul.Width * unpremul.Height;
        var step = Math.Max(1, count / maxSamples);
        double sl = 0, sa = 0, sb = 0, ql = 0, qa = 0, qb = 0;
        var n = 0;
        for (var i = 0; i < count; i += step)
        {
            var p = i * 4;
            if (pixels[p + 3] < 128)
            {
                continue;
            }

            LabImage.ToLab(pixels[p], pixels[p + 1], pixels[p + 2], out var l, out var a, out var b);
            sl += l;
            sa += a;
            sb += b;
            ql += l * l;
            qa += a * a;
            qb += b * b;
            n++;
        }

        if (n == 0)
        {
            return new LabStats(50, 0, 0, 1, 1, 1);
        }

        static float Sd(double q, double s, int n) => (float)Math.Sqrt(Math.Max(1e-3, q / n - (s / n) * (s / n)));
        return new LabStats((float)(sl / n), (float)(sa / n), (float)(sb / n), Sd(ql, sl, n), Sd(qa, sa, n), Sd(qb, sb, n));
    }
}
