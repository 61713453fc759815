using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A die-cut vinyl sticker: the artwork on a white border that follows its outline, lying on a desk.</summary>
internal sealed class StickerTemplate : IGoodsTemplate
{
    public string Id => "sticker";

    public SKRect PrintArea { get; } = new SKRect(230, 170, 770, 830);

    public PrintLayout Print => PrintLayout.DieCut;

    public float CutBorder => 0.055f;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Desk(scene);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var shape = scene.DieCut!;
        var fit = Fit.Matrix(shape.Bounds, PrintArea);
        canvas.Save();
        canvas.RotateDegrees(scene.Random.Range(-7f, 7f), 500, 500);
        using var outline = shape.ToSmoothPath(fit);
        Shadows.OfPath(canvas, outline, 4, 9, 9, 0.32f);
        Shadows.OfPath(canvas, outline, 1, 2, 2, 0.25f);
        using var vinyl = StickerVinyl.Shader(scene.Color.Id, outline.Bounds);
        using var fill = new SKPaint { Shader = vinyl, IsAntialias = true };
        canvas.DrawPath(outline, fill);

        canvas.Save();
        canvas.Concat(fit);
        scene.DrawArtInArtSpace();
        canvas.Restore();

        // Vinyl laminate: a broad soft gloss and a crisp paper edge.
        using var gloss = SKShader.CreateLinearGradient(
            new SKPoint(outline.Bounds.Left, outline.Bounds.Top), new SKPoint(outline.Bounds.MidX, outline.Bounds.MidY),
            [Layers.Light(0.35f), Layers.Light(0f)], null, SKShaderTileMode.Clamp);
        Layers.Screen(canvas, outline, gloss);
        using var edge = new SKPaint { Color = new SKColor(0, 0, 0, 28), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f };
        canvas.DrawPath(outline, edge);
        canvas.Restore();
        canvas.Restore();
    }
}
