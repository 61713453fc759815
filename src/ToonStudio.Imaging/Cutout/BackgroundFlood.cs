namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// Flood fill of the background from the border in Lab. Each filled pixel carries a reference colour
/// that drifts slowly toward what it meets, so smooth gradients and soft shadows are followed while the
/// jump at the subject's edge stops the fill. Pixels the fill never reaches (including the subject's own
/// light areas, such as the whites of the eyes) stay subject.
/// </summary>
internal static class BackgroundFlood
{
    private const float Drift = 0.06f;

    /// <returns>A mask, 255 = subject, 0 = background.</returns>
    public static byte[] SubjectMask(LabImage lab, BorderStatistics border)
    {
        int w = lab.Width, h = lab.Height;
        var tolerance = Math.Clamp(4f + 3f * border.StepNoise, 6f, 22f);
        var seedRadius = Math.Max(tolerance * 2.5f, border.SeedRadius * 1.25f);
        var visited = new bool[w * h];
        var refL = new float[w * h];
        var refA = new float[w * h];
        var refB = new float[w * h];
        var queue = new Queue<int>(w * 4);

        void Seed(int i)
        {
            if (!visited[i] && lab.Distance(i, border.L, border.A, border.B) <= seedRadius)
            {
                visited[i] = true;
                refL[i] = lab.L[i];
                refA[i] = lab.A[i];
                refB[i] = lab.B[i];
                queue.Enqueue(i);
            }
        }

        for (var x = 0; x < w; x++)
        {
            Seed(x);
            Seed((h - 1) * w + x);
        }

        for (var y = 0; y < h; y++)
        {
            Seed(y * w);
            Seed(y * w + w - 1);
        }

        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            int x = p % w, y = p / w;
            if (x > 0)
            { Visit(p, p - 1); }
            if (x < w - 1)
            { Visit(p, p + 1); }
            if (y > 0)
            { Visit(p, p - w); }
            if (y < h - 1)
            { Visit(p, p + w); }
        }

        void Visit(int from, int to)
        {
            if (visited[to] || lab.Distance(to, refL[from], refA[from], refB[from]) > tolerance)
            {
                return;
            }

            visited[to] = true;
            refL[to] = refL[from] + (lab.L[to] - refL[from]) * Drift;
            refA[to] = refA[from] + (lab.A[to] - refA[from]) * Drift;
            refB[to] = refB[from] + (lab.B[to] - refB[from]) * Drift;
            queue.Enqueue(to);
        }

        var mask = new byte[w * h];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = visited[i] ? (byte)0 : (byte)255;
        }

        return mask;
    }
}
