using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>
/// A die-cut clear acrylic keyring: the artwork inside a clear border with a bright refractive edge, a
/// punched tab at the top, a metal jump ring, a short chain and a split ring.
/// </summary>
internal sealed class AcrylicKeyringTemplate : IGoodsTemplate
{
    public string Id => "acrylic-keyring";

    public SKRect PrintArea { get; } = new SKRect(270, 330, 730, 900);

    public PrintLayout Print => PrintLayout.DieCut;

    public float CutBorder => 0.06f;

    public bool CutTab => true;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.74f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var shape = scene.DieCut!;
        var fit = Fit.Matrix(shape.Bounds, PrintArea);
        // The outline already carries the tab and its punched hole (they are part of the cut line).
        using var acrylic = shape.ToSmoothPath(fit);
        var hole = fit.MapPoint(shape.Hole!.Value);
        var holeRadius = shape.HoleRadius * fit.ScaleX;

        Shadows.OfPath(canvas, acrylic, 14, 22, 12, 0.22f);
        AcrylicBody.Draw(canvas, acrylic, scene.Color.Id);
        canvas.Save();
        canvas.Concat(fit);
        scene.DrawArtInArtSpace();
        canvas.Restore();
        AcrylicBody.Gloss(canvas, acrylic);
        KeyringHardware.Draw(canvas, hole, holeRadius, scene.Color.Id == "gold-ring");
        canvas.Restore();
    }
}
