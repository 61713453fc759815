using SkiaSharp;

namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>Ramer–Douglas–Peucker simplification of a closed polygon.</summary>
internal static class Simplify
{
    public static List<SKPoint> Closed(List<SKPoint> loop, float tolerance)
    {
        if (loop.Count < 8)
        {
            return loop;
        }

        // Split at the point farthest from the first, so each half is an open polyline.
        var far = 0;
        float best = -1;
        for (var i = 1; i < loop.Count; i++)
        {
            var d = SKPoint.DistanceSquared(loop[0], loop[i]);
            if (d > best)
            {
                best = d;
                far = i;
            }
        }

        var keep = new bool[loop.Count + 1];
        var points = new List<SKPoint>(loop) { loop[0] };
        keep[0] = keep[far] = keep[loop.Count] = true;
        Mark(points, 0, far, tolerance, keep);
        Mark(points, far, loop.Count, tolerance, keep);
        var result = new List<SKPoint>();
        for (var i = 0; i < loop.Count; i++)
        {
            if (keep[i])
            {
                result.Add(loop[i]);
            }
        }

        return result;
    }

    private static void Mark(List<SKPoint> points, int first, int last, float tolerance, bool[] keep)
    {
        var stack = new Stack<(int, int)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var index = -1;
            var max = tolerance;
            for (var i = a + 1; i < b; i++)
            {
                var d = Distance(points[i], points[a], points[b]);
                if (d > max)
                {
                    max = d;
                    index = i;
                }
            }

            if (index >= 0)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
    }

    private static float Distance(SKPoint p, SKPoint a, SKPoint b)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = MathF.Sqrt(dx * dx + dy * dy);
        return length < 1e-6f ? SKPoint.Distance(p, a) : MathF.Abs(dy * p.X - dx * p.Y + b.X * a.Y - b.Y * a.X) / length;
    }
}
