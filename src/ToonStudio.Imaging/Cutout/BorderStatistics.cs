namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// What the image's border says about its background: its typical colour, how noisy it is from one
/// pixel to the next (the flood tolerance is learnt from that), and how much it varies overall.
/// </summary>
internal readonly record struct BorderStatistics(float L, float A, float B, float StepNoise, float Spread, float SeedRadius)
{
    public static BorderStatistics Measure(LabImage lab)
    {
        var ring = BorderRing(lab.Width, lab.Height);
        var ls = new float[ring.Length];
        var @as = new float[ring.Length];
        var bs = new float[ring.Length];
        float stepSum = 0;
        for (var k = 0; k < ring.Length; k++)
        {
            ls[k] = lab.L[ring[k]];
            @as[k] = lab.A[ring[k]];
            bs[k] = lab.B[ring[k]];
            if (k > 0)
            {
                stepSum += lab.Distance(ring[k], ls[k - 1], @as[k - 1], bs[k - 1]);
            }
        }

        // The median is robust to a subject that touches the border along a short stretch.
        var l = Median(ls);
        var a = Median(@as);
        var b = Median(bs);
        var distances = new float[ring.Length];
        for (var k = 0; k < ring.Length; k++)
        {
            distances[k] = lab.Distance(ring[k], l, a, b);
        }

        Array.Sort(distances);
        var spread = distances[distances.Length / 2];
        var p80 = distances[distances.Length * 8 / 10];
        var step = stepSum / Math.Max(1, ring.Length - 1);
        return new BorderStatistics(l, a, b, step, spread, p80);
    }

    private static int[] BorderRing(int w, int h)
    {
        var ring = new List<int>(2 * (w + h));
        for (var x = 0; x < w; x++)
        {
            ring.Add(x);
        }

        for (var y = 1; y < h; y++)
        {
            ring.Add(y * w + w - 1);
        }

        for (var x = w - 2; x >= 0; x--)
        {
            ring.Add((h - 1) * w + x);
        }

        for (var y = h - 2; y > 0; y--)
        {
            ring.Add(y * w);
        }

        return [.. ring];
    }

    private static float Median(float[] values)
    {
        var copy = (float[])values.Clone();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }
}
