using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A crew-neck T-shirt laid flat, the artwork screen-printed on the chest and folding with the cotton.</summary>
internal sealed class TshirtTemplate : IGoodsTemplate
{
    public string Id => "tshirt";

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.7f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        using var body = Garment.TshirtPath();
        Shadows.OfPath(canvas, body, 0, 16, 18, 0.28f);
        Garment.FillBody(canvas, body, scene.Product);
        Garment.NeckOpening(canvas, scene.Product, 432, 568, 176);

        var field = new FoldField(scene.Random, 180, 420);
        var print = scene.FitArt(new SKRect(372, 268, 628, 600));
        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        FabricPrint.Draw(canvas, scene.ArtImage, print, field, 7f);
        canvas.Restore();

        FabricShading.Draw(canvas, body, field, 0.16f, 0.22f);
        using var sides = Layers.HorizontalRamp(170, 830, [0.78f, 0.93f, 1f, 1f, 0.93f, 0.78f], [0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f]);
        Layers.Multiply(canvas, body, sides);
        Garment.Stitches(canvas, scene.Product, [
            (new SKPoint(330, 842), new SKPoint(670, 842)),
            (new SKPoint(190, 298), new SKPoint(262, 372)),
            (new SKPoint(810, 298), new SKPoint(738, 372)),
        ]);
        NoiseTile.Apply(canvas, body, scene.Random, 0.07f, weave: true);
        canvas.Restore();
    }
}
