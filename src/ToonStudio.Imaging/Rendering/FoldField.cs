using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// Soft fabric folds: a few seeded low-frequency waves (docs/mockups.md "Fabric"). Used twice — to displace
/// the artwork along the gradient and to shade the cloth — so print and cloth fold together.
/// </summary>
internal sealed class FoldField
{
    private readonly (float Kx, float Ky, float Phase, float Amp)[] _waves;

    public FoldField(Random random, float minWavelength, float maxWavelength, int count = 4, float verticalBias = 0.6f)
    {
        _waves = new (float, float, float, float)[count];
        for (var i = 0; i < count; i++)
        {
            var wavelength = random.Range(minWavelength, maxWavelength);
            // Cloth folds run mostly up and down (gravity), so most waves vary across x.
            var angle = random.Range(-1f, 1f) * MathF.PI * (1f - verticalBias) * 0.5f;
            var k = 2f * MathF.PI / wavelength;
            _waves[i] = (k * MathF.Cos(angle), k * MathF.Sin(angle), random.Range(0f, MathF.Tau), random.Range(0.5f, 1f) / count * 1.6f);
        }
    }

    public float Value(float x, float y)
    {
        float sum = 0;
        foreach (var (kx, ky, phase, amp) in _waves)
        {
            sum += amp * MathF.Sin(kx * x + ky * y + phase);
        }

        return sum;
    }

    /// <summary>The gradient scaled to one wavelength, so displacement amounts read in design units.</summary>
    public SKPoint Gradient(float x, float y)
    {
        float gx = 0, gy = 0;
        foreach (var (kx, ky, phase, amp) in _waves)
        {
            var c = amp * MathF.Cos(kx * x + ky * y + phase);
            var k = MathF.Sqrt(kx * kx + ky * ky);
            gx += c * kx / k;
            gy += c * ky / k;
        }

        return new SKPoint(gx, gy);
    }
}
