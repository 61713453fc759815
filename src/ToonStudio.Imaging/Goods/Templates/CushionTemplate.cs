using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>
/// A square plush cushion: pinched corners, puffy falloff toward the seams, the artwork bulging with the
/// filling (docs/mockups.md "Fabric", cushion variant), piping along the edge.
/// </summary>
internal sealed class CushionTemplate : IGoodsTemplate
{
    public string Id => "cushion";

    public SKRect PrintArea { get; } = new SKRect(300, 260, 700, 700);

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.76f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        using var pillow = PillowPath(190, 170, 810, 790, 34);
        Shadows.OfPath(canvas, pillow, 0, 30, 26, 0.3f);
        Shadows.OfPath(canvas, pillow, 0, 8, 8, 0.2f);
        using var fill = new SKPaint { Color = scene.Product, IsAntialias = true };
        canvas.DrawPath(pillow, fill);

        var field = new FoldField(scene.Random, 300, 650, 3, 0.2f);
        var print = scene.FitArt(PrintArea);
        canvas.Save();
        canvas.ClipPath(pillow, antialias: true);
        FabricPrint.Draw(canvas, scene.ArtImage, print, field, 5f, 0.06f, new SKRect(190, 170, 810, 790));
        canvas.Restore();

        FabricShading.Draw(canvas, pillow, field, 0.08f, 0.12f, 0.13f);
        using var puff = SKShader.CreateRadialGradient(
            new SKPoint(450, 410), 360, [Layers.Light(0.3f), Layers.Light(0f)], null, SKShaderTileMode.Clamp);
        Layers.Screen(canvas, pillow, puff);
        using var piping = new SKPaint
        {
            Color = StudioSweep.Darken(scene.Product, 0.18f),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 7,
        };
        canvas.DrawPath(pillow, piping);
        using var pipingLight = new SKPaint { Color = Layers.Light(0.35f), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        canvas.Save();
        canvas.Translate(-1.5f, -2f);
        canvas.DrawPath(pillow, pipingLight);
        canvas.Restore();
        NoiseTile.Apply(canvas, pillow, scene.Random, 0.06f, weave: true);
        canvas.Restore();
    }

    /// <summary>A square whose sides bow inward and whose corners pinch out, as a stuffed cover does.</summary>
    private static SKPath PillowPath(float l, float t, float r, float b, float bow)
    {
        var p = new SKPath();
        float mx = (l + r) / 2, my = (t + b) / 2;
        p.MoveTo(l - 8, t - 8);
        p.QuadTo(mx, t + bow, r + 8, t - 8);
        p.QuadTo(r - bow, my, r + 8, b + 8);
        p.QuadTo(mx, b - bow, l - 8, b + 8);
        p.QuadTo(l + bow, my, l - 8, t - 8);
        p.Close();
        // Stuffed corners are pinched but never sharp.
        using var round = SKPathEffect.CreateCorner(26);
        using var paint = new SKPaint { PathEffect = round, Style = SKPaintStyle.Fill };
        var rounded = new SKPath();
        paint.GetFillPath(p, rounded);
        p.Dispose();
        return rounded;
    }
}
