using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A crew-neck T-shirt laid flat, the artwork screen-printed on the chest and folding with the cotton.</summary>
internal sealed class TshirtTemplate : IGoodsTemplate
{
    public string Id => "tshirt";

    public SKRect PrintArea { get; } = new SKRect(360, 270, 640, 640);

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.7f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        using var body = Garment.TshirtPath();
        Shadows.OfPath(canvas, body, 0, 16, 18, 0.28f);
        Garment.FillBody(canvas, body, scene.Product);
        Garment.NeckOpening(canvas, scene.Product, 428, 572, 170);

        var field = new FoldField(scene.Random, 180, 420);
        var print = scene.FitArt(PrintArea);
        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        FabricPrint.Draw(canvas, scene.ArtImage, print, field, 7f);
        canvas.Restore();

        FabricShading.Draw(canvas, body, field, 0.26f, 0.3f);
        using var sides = Layers.HorizontalRamp(138, 862, [0.78f, 0.93f, 1f, 1f, 0.93f, 0.78f], [0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f]);
        Layers.Multiply(canvas, body, sides);
        Garment.Stitches(canvas, scene.Product, [
            (new SKPoint(310, 862), new SKPoint(690, 862)),
            (new SKPoint(152, 350), new SKPoint(238, 434)),
            (new SKPoint(848, 350), new SKPoint(762, 434)),
        ]);
        Garment.Creases(canvas, body, [
            (new SKPoint(306, 392), new SKPoint(330, 440), new SKPoint(318, 520)),
            (new SKPoint(694, 392), new SKPoint(672, 446), new SKPoint(684, 530)),
            (new SKPoint(226, 300), new SKPoint(262, 330), new SKPoint(300, 336)),
            (new SKPoint(774, 300), new SKPoint(738, 330), new SKPoint(700, 338)),
            (new SKPoint(340, 800), new SKPoint(420, 836), new SKPoint(480, 850)),
        ]);
        NoiseTile.Apply(canvas, body, scene.Random, 0.07f, weave: true);
        canvas.Restore();
    }
}
