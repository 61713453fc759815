using SkiaSharp;

namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>
/// Adds the keyring's tab to a die-cut outline: a round lug on the top-most point with a punched hole for
/// the jump ring. Part of the cut line, so the cutter cuts what the mockup shows.
/// </summary>
internal static class KeyringTab
{
    private const int Segments = 64;

    /// <param name="radius">The lug's radius in artwork pixels.</param>
    public static (IReadOnlyList<SKPoint[]> Loops, SKPoint Hole, float HoleRadius) Add(IReadOnlyList<SKPoint[]> loops, float radius)
    {
        var top = new SKPoint(0, float.MaxValue);
        foreach (var loop in loops)
        {
            foreach (var p in loop)
            {
                if (p.Y < top.Y)
                {
                    top = p;
                }
            }
        }

        var centre = new SKPoint(top.X, top.Y - radius * 0.35f);
        var holeRadius = radius * 0.42f;
        using var outline = Polygons(loops);
        using var lug = Polygons([Circle(centre, radius)]);
        using var hole = Polygons([Circle(centre, holeRadius)]);
        using var joined = outline.Op(lug, SKPathOp.Union) ?? new SKPath(outline);
        using var punched = joined.Op(hole, SKPathOp.Difference) ?? new SKPath(joined);
        return (ToLoops(punched), centre, holeRadius);
    }

    private static SKPoint[] Circle(SKPoint c, float r)
    {
        var points = new SKPoint[Segments];
        for (var i = 0; i < Segments; i++)
        {
            var a = i * MathF.Tau / Segments;
            points[i] = new SKPoint(c.X + r * MathF.Cos(a), c.Y + r * MathF.Sin(a));
        }

        return points;
    }

    private static SKPath Polygons(IReadOnlyList<SKPoint[]> loops)
    {
        var path = new SKPath();
        foreach (var loop in loops)
        {
            path.AddPoly(loop, close: true);
        }

        return path;
    }

    /// <summary>Every input was a polygon, so the boolean result is made of lines only.</summary>
    private static List<SKPoint[]> ToLoops(SKPath path)
    {
        var loops = new List<SKPoint[]>();
        var current = new List<SKPoint>();
        using var iterator = path.CreateRawIterator();
        var points = new SKPoint[4];
        SKPathVerb verb;
        while ((verb = iterator.Next(points)) != SKPathVerb.Done)
        {
            if (verb == SKPathVerb.Move)
            {
                Flush();
                current.Add(points[0]);
            }
            else if (verb == SKPathVerb.Line)
            {
                current.Add(points[1]);
            }
            else if (verb == SKPathVerb.Close)
            {
                Flush();
            }
        }

        Flush();
        return loops;

        void Flush()
        {
            if (current.Count >= 3)
            {
                loops.Add([.. current]);
            }

            current.Clear();
        }
    }
}
