using SkiaSharp;

namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>
/// Traces the boundaries of a binary mask along pixel edges ("crack following"): the loops pass exactly
/// between set and unset cells, so they enclose every set cell. Clockwise on screen, set cells on the right.
/// </summary>
internal static class ContourTracer
{
    public static List<List<SKPoint>> Trace(bool[] mask, int w, int h)
    {
        // Each boundary edge is stored by its start corner; a corner has at most two outgoing edges.
        var stride = w + 1;
        var next = new Dictionary<int, (int A, int B)>();
        void Add(int fx, int fy, int tx, int ty)
        {
            var from = fy * stride + fx;
            var to = ty * stride + tx;
            next[from] = next.TryGetValue(from, out var e) ? (e.A, to) : (to, -1);
        }

        bool Set(int x, int y) => x >= 0 && y >= 0 && x < w && y < h && mask[y * w + x];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (!mask[y * w + x])
                {
                    continue;
                }

                if (!Set(x, y - 1))
                { Add(x, y, x + 1, y); }
                if (!Set(x + 1, y))
                { Add(x + 1, y, x + 1, y + 1); }
                if (!Set(x, y + 1))
                { Add(x + 1, y + 1, x, y + 1); }
                if (!Set(x - 1, y))
                { Add(x, y + 1, x, y); }
            }
        }

        var loops = new List<List<SKPoint>>();
        while (next.Count > 0)
        {
            var start = First(next);
            var loop = new List<SKPoint>();
            var corner = start;
            do
            {
                loop.Add(new SKPoint(corner % stride, corner / stride));
                corner = Take(next, corner);
            }
            while (corner != start && corner >= 0);
            loops.Add(loop);
        }

        return loops;
    }

    private static int First(Dictionary<int, (int A, int B)> next)
    {
        foreach (var key in next.Keys)
        {
            return key;
        }

        return -1;
    }

    private static int Take(Dictionary<int, (int A, int B)> next, int corner)
    {
        if (!next.TryGetValue(corner, out var edges))
        {
            return -1;
        }

        if (edges.B < 0)
        {
            next.Remove(corner);
            return edges.A;
        }

        next[corner] = (edges.B, -1);
        return edges.A;
    }
}
