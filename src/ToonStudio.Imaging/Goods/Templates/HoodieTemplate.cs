using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A pullover hoodie laid flat: hood behind the neck, long sleeves, kangaroo pocket, drawstrings, ribbed hems.</summary>
internal sealed class HoodieTemplate : IGoodsTemplate
{
    public string Id => "hoodie";

    public SKRect PrintArea { get; } = new SKRect(390, 345, 610, 598);

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.72f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var color = scene.Product;
        using var body = HoodieShapes.Body();
        using var hood = HoodieShapes.Hood();
        using var all = body.Op(hood, SKPathOp.Union) ?? new SKPath(body);
        Shadows.OfPath(canvas, all, 0, 16, 18, 0.28f);
        Garment.FillBody(canvas, hood, StudioSweep.Darken(color, 0.05f));
        Garment.FillBody(canvas, body, color);
        HoodieShapes.HoodOpening(canvas, color);

        var field = new FoldField(scene.Random, 200, 460);
        var print = scene.FitArt(PrintArea);
        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        FabricPrint.Draw(canvas, scene.ArtImage, print, field, 6f);
        canvas.Restore();

        HoodieShapes.Pocket(canvas, color);
        HoodieShapes.Ribs(canvas, color);
        FabricShading.Draw(canvas, all, field, 0.24f, 0.26f);
        using var sides = Layers.HorizontalRamp(150, 850, [0.8f, 0.94f, 1f, 1f, 0.94f, 0.8f], [0f, 0.22f, 0.4f, 0.6f, 0.78f, 1f]);
        Layers.Multiply(canvas, all, sides);
        Garment.Creases(canvas, all, [
            (new SKPoint(306, 430), new SKPoint(326, 500), new SKPoint(316, 600)),
            (new SKPoint(694, 430), new SKPoint(674, 506), new SKPoint(686, 610)),
            (new SKPoint(200, 560), new SKPoint(230, 580), new SKPoint(262, 570)),
            (new SKPoint(800, 560), new SKPoint(770, 580), new SKPoint(738, 570)),
        ]);
        HoodieShapes.Drawstrings(canvas, color);
        NoiseTile.Apply(canvas, all, scene.Random, 0.06f, weave: false);
        canvas.Restore();
    }
}
