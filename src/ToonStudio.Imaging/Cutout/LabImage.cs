using SkiaSharp;

namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// An image in CIE L*a*b* (D65), planar floats: distances here track what a person sees as
/// "the same background", which RGB distances do not (dark and saturated colours especially).
/// </summary>
internal sealed class LabImage
{
    private static readonly float[] Linear = BuildLinearTable();

    public LabImage(int width, int height)
    {
        Width = width;
        Height = height;
        L = new float[width * height];
        A = new float[width * height];
        B = new float[width * height];
    }

    public int Width { get; }
    public int Height { get; }
    public float[] L { get; }
    public float[] A { get; }
    public float[] B { get; }

    /// <summary>Converts an RGBA8888 bitmap (alpha ignored).</summary>
    public static LabImage From(SKBitmap rgba)
    {
        var lab = new LabImage(rgba.Width, rgba.Height);
        var pixels = rgba.GetPixelSpan();
        for (var i = 0; i < lab.L.Length; i++)
        {
            var p = i * 4;
            ToLab(pixels[p], pixels[p + 1], pixels[p + 2], out lab.L[i], out lab.A[i], out lab.B[i]);
        }

        return lab;
    }

    public float Distance(int i, float l, float a, float b)
    {
        var dl = L[i] - l;
        var da = A[i] - a;
        var db = B[i] - b;
        return MathF.Sqrt(dl * dl + da * da + db * db);
    }

    public static void ToLab(byte r, byte g, byte b, out float l, out float a, out float bb)
    {
        var lr = Linear[r];
        var lg = Linear[g];
        var lb = Linear[b];
        var x = F((0.4124f * lr + 0.3576f * lg + 0.1805f * lb) / 0.95047f);
        var y = F(0.2126f * lr + 0.7152f * lg + 0.0722f * lb);
        var z = F((0.0193f * lr + 0.1192f * lg + 0.9505f * lb) / 1.08883f);
        l = 116f * y - 16f;
        a = 500f * (x - y);
        bb = 200f * (y - z);
    }

    private const int CbrtSteps = 4096;
    private static readonly float[] CbrtTable = BuildCbrtTable();

    /// <summary>The Lab companding function through a table: the cube root is the hot spot of a per-pixel pass.</summary>
    private static float F(float t)
    {
        if (t <= 0.008856f)
        {
            return 7.787f * t + 16f / 116f;
        }

        var x = Math.Min(t, 1f) * CbrtSteps;
        var i = Math.Min((int)x, CbrtSteps - 1);
        return CbrtTable[i] + (CbrtTable[i + 1] - CbrtTable[i]) * (x - i);
    }

    private static float[] BuildCbrtTable()
    {
        var table = new float[CbrtSteps + 1];
        for (var i = 0; i <= CbrtSteps; i++)
        {
            table[i] = MathF.Cbrt((float)i / CbrtSteps);
        }

        return table;
    }

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var c = i / 255f;
            table[i] = c <= 0.04045f ? c / 12.92f : MathF.Pow((c + 0.055f) / 1.055f, 2.4f);
        }

        return table;
    }
}
