using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>Lab (D65) back to sRGB, for colours the engine derives in Lab.</summary>
internal static class LabColor
{
    public static SKColor ToSk(float l, float a, float b)
    {
        var fy = (l + 16f) / 116f;
        var fx = fy + a / 500f;
        var fz = fy - b / 200f;
        var x = 0.95047f * Inverse(fx);
        var y = Inverse(fy);
        var z = 1.08883f * Inverse(fz);
        var r = 3.2406f * x - 1.5372f * y - 0.4986f * z;
        var g = -0.9689f * x + 1.8758f * y + 0.0415f * z;
        var bl = 0.0557f * x - 0.2040f * y + 1.0570f * z;
        return new SKColor(Gamma(r), Gamma(g), Gamma(bl));
    }

    private static float Inverse(float t) => t * t * t > 0.008856f ? t * t * t : (t - 16f / 116f) / 7.787f;

    private const int GammaSteps = 4096;
    private static readonly byte[] GammaTable = BuildGammaTable();

    /// <summary>Linear → sRGB byte through a table (per-pixel colour transfer calls this three times a pixel).</summary>
    private static byte Gamma(float c) => GammaTable[(int)(Math.Clamp(c, 0f, 1f) * GammaSteps + 0.5f)];

    private static byte[] BuildGammaTable()
    {
        var table = new byte[GammaSteps + 1];
        for (var i = 0; i <= GammaSteps; i++)
        {
            var c = (float)i / GammaSteps;
            var v = c <= 0.0031308f ? 12.92f * c : 1.055f * MathF.Pow(c, 1f / 2.4f) - 0.055f;
            table[i] = (byte)Math.Clamp((int)MathF.Round(v * 255f), 0, 255);
        }

        return table;
    }
}
