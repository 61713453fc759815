namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>Dilation by a Euclidean radius (two-pass chamfer distance transform) and hole filling.</summary>
internal static class Dilation
{
    public static bool[] Dilate(bool[] mask, int w, int h, float radius)
    {
        // 3-4 chamfer distances, in thirds of a pixel: within a few percent of Euclidean.
        var dist = new int[mask.Length];
        const int Far = int.MaxValue / 4;
        for (var i = 0; i < mask.Length; i++)
        {
            dist[i] = mask[i] ? 0 : Far;
        }

        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                var d = dist[i];
                if (x > 0)
                { d = Math.Min(d, dist[i - 1] + 3); }
                if (y > 0)
                {
                    d = Math.Min(d, dist[i - w] + 3);
                    if (x > 0)
                    { d = Math.Min(d, dist[i - w - 1] + 4); }
                    if (x < w - 1)
                    { d = Math.Min(d, dist[i - w + 1] + 4); }
                }

                dist[i] = d;
            }
        }

        for (var y = h - 1; y >= 0; y--)
        {
            for (var x = w - 1; x >= 0; x--)
            {
                var i = y * w + x;
                var d = dist[i];
                if (x < w - 1)
                { d = Math.Min(d, dist[i + 1] + 3); }
                if (y < h - 1)
                {
                    d = Math.Min(d, dist[i + w] + 3);
                    if (x < w - 1)
                    { d = Math.Min(d, dist[i + w + 1] + 4); }
                    if (x > 0)
                    { d = Math.Min(d, dist[i + w - 1] + 4); }
                }

                dist[i] = d;
            }
        }

        var limit = (int)(radius * 3f);
        var output = new bool[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            output[i] = dist[i] <= limit;
        }

        return output;
    }

    /// <summary>Sets every unset cell not reachable from the border: a die-cut has no holes.</summary>
    public static void FillHoles(bool[] mask, int w, int h)
    {
        var outside = new bool[mask.Length];
        var stack = new Stack<int>();
        for (var x = 0; x < w; x++)
        {
            Push(x);
            Push((h - 1) * w + x);
        }

        for (var y = 0; y < h; y++)
        {
            Push(y * w);
            Push(y * w + w - 1);
        }

        while (stack.Count > 0)
        {
            var p = stack.Pop();
            int x = p % w, y = p / w;
            if (x > 0)
            { Push(p - 1); }
            if (x < w - 1)
            { Push(p + 1); }
            if (y > 0)
            { Push(p - w); }
            if (y < h - 1)
            { Push(p + w); }
        }

        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] |= !outside[i];
        }

        void Push(int i)
        {
            if (!mask[i] && !outside[i])
            {
                outside[i] = true;
                stack.Push(i);
            }
        }
    }
}
