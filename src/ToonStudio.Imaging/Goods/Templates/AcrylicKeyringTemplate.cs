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

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.74f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var shape = scene.DieCut!;
        var fit = Fit.Matrix(shape.Bounds, PrintArea);
        using var outline = shape.ToSmoothPath(fit);
        var top = KeyringHardware.TopPoint(outline);
        var tabRadius = 30f;
        var tabCentre = new SKPoint(top.X, top.Y - tabRadius * 0.35f);
        using var tab = new SKPath();
        tab.AddCircle(tabCentre.X, tabCentre.Y, tabRadius);
        using var body = outline.Op(tab, SKPathOp.Union) ?? new SKPath(outline);
        using var hole = new SKPath();
        hole.AddCircle(tabCentre.X, tabCentre.Y, tabRadius * 0.42f);
        using var acrylic = body.Op(hole, SKPathOp.Difference) ?? new SKPath(body);

        Shadows.OfPath(canvas, acrylic, 14, 22, 12, 0.22f);
        AcrylicBody.Draw(canvas, acrylic, scene.Color.Id);
        canvas.Save();
        canvas.Concat(fit);
        scene.DrawArtInArtSpace();
        canvas.Restore();
        AcrylicBody.Gloss(canvas, acrylic);
        KeyringHardware.Draw(canvas, tabCentre, tabRadius, scene.Color.Id == "gold-ring");
        canvas.Restore();
    }
}
