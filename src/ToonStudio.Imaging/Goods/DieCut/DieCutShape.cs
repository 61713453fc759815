using SkiaSharp;
using ToonStudio.Imaging.Cutout;

namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>
/// The cut line around an artwork (docs/mockups.md "Die-cut goods"): its alpha dilated by the border width,
/// smoothed, holes filled, traced and simplified. Loops are in the artwork's pixel coordinates and
/// always enclose every pixel of the artwork that has any alpha.
/// </summary>
internal sealed class DieCutShape
{
    private const int WorkingEdge = 480;

    private DieCutShape(IReadOnlyList<SKPoint[]> loops, SKRect bounds, SKPoint? hole = null, float holeRadius = 0)
    {
        Loops = loops;
        Bounds = bounds;
        Hole = hole;
        HoleRadius = holeRadius;
    }

    /// <summary>The centre of the keyring hole (artwork pixels), when the shape has a tab.</summary>
    public SKPoint? Hole { get; }

    public float HoleRadius { get; }

    /// <summary>Closed polygons, clockwise on screen, in artwork pixels (they reach past the artwork by the border).</summary>
    public IReadOnlyList<SKPoint[]> Loops { get; }

    public SKRect Bounds { get; }

    /// <param name="border">The border width as a fraction of the artwork's longer side.</param>
    /// <param name="tab">Add a keyring tab with a hole at the top (see <see cref="KeyringTab"/>).</param>
    public static DieCutShape Build(CutoutImage art, float border, bool tab = false)
    {
        var longSide = Math.Max(art.Width, art.Height);
        var scale = Math.Min(1f, WorkingEdge / (float)longSide);
        var radius = Math.Max(3f, border * longSide * scale);
        var pad = (int)Math.Ceiling(radius) + 3;
        var mask = CoverageMask.Build(art.Subject, scale, pad, out var w, out var h);
        var dilated = Dilation.Dilate(mask, w, h, radius);
        Dilation.FillHoles(dilated, w, h);
        var loops = ContourTracer.Trace(dilated, w, h);

        var result = new List<SKPoint[]>(loops.Count);
        var bounds = SKRect.Empty;
        foreach (var loop in loops)
        {
            var simple = Simplify.Closed(loop, 0.5f);
            var points = new SKPoint[simple.Count];
            for (var i = 0; i < points.Length; i++)
            {
                points[i] = new SKPoint((simple[i].X - pad) / scale, (simple[i].Y - pad) / scale);
            }

            result.Add(points);
            var loopBounds = SKRect.Create(points[0], SKSize.Empty);
            foreach (var p in points)
            {
                loopBounds.Union(new SKRect(p.X, p.Y, p.X, p.Y));
            }

            bounds = bounds.IsEmpty ? loopBounds : SKRect.Union(bounds, loopBounds);
        }

        if (!tab)
        {
            return new DieCutShape(result, bounds);
        }

        var (loopsWithTab, hole, holeRadius) = KeyringTab.Add(result, border * longSide * 1.5f);
        var withTab = bounds;
        foreach (var loop in loopsWithTab)
        {
            foreach (var p in loop)
            {
                withTab.Union(new SKRect(p.X, p.Y, p.X, p.Y));
            }
        }

        return new DieCutShape(loopsWithTab, withTab, hole, holeRadius);
    }

    /// <summary>A smooth path for drawing: quadratic curves through the edge midpoints.</summary>
    public SKPath ToSmoothPath(SKMatrix transform)
    {
        var path = new SKPath { FillType = SKPathFillType.EvenOdd };
        foreach (var raw in Loops)
        {
            var loop = transform.MapPoints(raw);
            var n = loop.Length;
            path.MoveTo(Mid(loop[n - 1], loop[0]));
            for (var i = 0; i < n; i++)
            {
                path.QuadTo(loop[i], Mid(loop[i], loop[(i + 1) % n]));
            }

            path.Close();
        }

        return path;
    }

    private static SKPoint Mid(SKPoint a, SKPoint b) => new((a.X + b.X) / 2f, (a.Y + b.Y) / 2f);
}
