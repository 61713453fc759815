using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A canvas tote hanging from a peg on a wall: two strap loops, a hemmed top, the print on the front panel.</summary>
internal sealed class ToteBagTemplate : IGoodsTemplate
{
    private static readonly SKRect Panel = new(235, 330, 765, 915);

    public string Id => "tote-bag";

    public SKRect PrintArea { get; } = new SKRect(320, 450, 680, 860);

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Wall(scene, new SKColor(0xE6, 0xE2, 0xDA));
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var peg = new SKPoint(500, 80);
        using var body = new SKPath();
        body.MoveTo(Panel.Left + 6, Panel.Top);
        body.LineTo(Panel.Right - 6, Panel.Top);
        body.CubicTo(Panel.Right + 4, Panel.Top + 200, Panel.Right + 8, Panel.Bottom - 150, Panel.Right, Panel.Bottom);
        body.LineTo(Panel.Left, Panel.Bottom);
        body.CubicTo(Panel.Left - 8, Panel.Bottom - 150, Panel.Left - 4, Panel.Top + 200, Panel.Left + 6, Panel.Top);
        body.Close();

        Shadows.OfPath(canvas, body, 16, 18, 16, 0.28f);
        ToteStraps.Draw(canvas, scene.Product, peg, Panel, back: true);
        using var fill = new SKPaint { Color = scene.Product, IsAntialias = true };
        canvas.DrawPath(body, fill);

        var field = new FoldField(scene.Random, 220, 520, 3, 0.7f);
        var print = scene.FitArt(PrintArea);
        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        FabricPrint.Draw(canvas, scene.ArtImage, print, field, 5f);
        canvas.Restore();

        FabricShading.Draw(canvas, body, field, 0.16f, 0.16f);
        using var top = Layers.VerticalRamp(Panel.Top, Panel.Bottom, [0.86f, 1f, 0.97f, 0.84f], [0f, 0.18f, 0.7f, 1f]);
        Layers.Multiply(canvas, body, top);
        using var hem = new SKPaint { Color = StudioSweep.Darken(scene.Product, 0.06f), IsAntialias = true };
        canvas.DrawRect(Panel.Left + 6, Panel.Top, Panel.Width - 12, 44, hem);
        Garment.Stitches(canvas, scene.Product, [(new SKPoint(Panel.Left + 10, Panel.Top + 38), new SKPoint(Panel.Right - 10, Panel.Top + 38))]);
        NoiseTile.Apply(canvas, body, scene.Random, 0.12f, weave: true);
        ToteStraps.Draw(canvas, scene.Product, peg, Panel, back: false);
        ToteStraps.Peg(canvas, peg);
        canvas.Restore();
    }
}

/// <summary>The tote's two strap loops rising to the peg; the back strap drawn darker behind the bag.</summary>
internal static class ToteStraps
{
    public static void Draw(SKCanvas canvas, SKColor color, SKPoint peg, SKRect panel, bool back)
    {
        var inset = back ? 120f : 105f;
        using var strap = new SKPath();
        strap.MoveTo(panel.Left + inset, panel.Top + (back ? 0 : 36));
        strap.CubicTo(panel.Left + inset + 10, panel.Top - 140, peg.X - 26, peg.Y + 30, peg.X, peg.Y + 10);
        strap.CubicTo(peg.X + 26, peg.Y + 30, panel.Right - inset - 10, panel.Top - 140, panel.Right - inset, panel.Top + (back ? 0 : 36));
        using var paint = new SKPaint
        {
            Color = back ? StudioSweep.Darken(color, 0.22f) : StudioSweep.Darken(color, 0.04f),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 34,
        };
        if (!back)
        {
            using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 40), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 34 };
            using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 6);
            shadow.MaskFilter = blur;
            canvas.Save();
            canvas.Translate(8, 10);
            canvas.DrawPath(strap, shadow);
            canvas.Restore();
        }

        canvas.DrawPath(strap, paint);
        Garment.StitchPath(canvas, color, strap, 12);
        Garment.StitchPath(canvas, color, strap, -12);
    }

    public static void Peg(SKCanvas canvas, SKPoint peg)
    {
        using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 60), IsAntialias = true };
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 5);
        shadow.MaskFilter = blur;
        canvas.DrawCircle(peg.X + 6, peg.Y + 8, 22, shadow);
        using var woodShader = SKShader.CreateRadialGradient(
            new SKPoint(peg.X - 7, peg.Y - 7), 26, [new SKColor(0xD8, 0xB0, 0x80), new SKColor(0x8A, 0x60, 0x38)], null, SKShaderTileMode.Clamp);
        using var wood = new SKPaint { Shader = woodShader, IsAntialias = true };
        canvas.DrawCircle(peg.X, peg.Y, 22, wood);
    }
}
