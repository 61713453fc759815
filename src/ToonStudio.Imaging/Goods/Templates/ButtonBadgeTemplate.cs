using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A round pin-back badge: the artwork cropped to a circle, a domed gloss and a rolled metal edge.</summary>
internal sealed class ButtonBadgeTemplate : IGoodsTemplate
{
    private const float Cx = 500, Cy = 480, R = 300;

    public string Id => "button-badge";

    public SKRect PrintArea { get; } = new SKRect(Cx - R * 0.72f, Cy - R * 0.78f, Cx + R * 0.72f, Cy + R * 0.8f);

    public PrintLayout Print => PrintLayout.FullBleed;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.8f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        using var face = new SKPath();
        face.AddCircle(Cx, Cy, R);
        Shadows.OfPath(canvas, face, 10, 26, 22, 0.3f);
        Shadows.OfPath(canvas, face, 2, 6, 5, 0.25f);

        using var fill = new SKPaint { Color = scene.Product, IsAntialias = true };
        canvas.DrawPath(face, fill);
        canvas.Save();
        canvas.ClipPath(face, antialias: true);
        var art = scene.FitArt(PrintArea);
        scene.DrawArt(art);
        canvas.Restore();

        // The dome: darker toward the rim where the film turns over the edge.
        using var dome = SKShader.CreateRadialGradient(
            new SKPoint(Cx - R * 0.15f, Cy - R * 0.2f), R * 1.15f,
            [Layers.Gray(1f), Layers.Gray(0.97f), Layers.Gray(0.78f)], [0f, 0.7f, 1f], SKShaderTileMode.Clamp);
        Layers.Multiply(canvas, face, dome);
        using var gloss = SKShader.CreateRadialGradient(
            new SKPoint(Cx - R * 0.38f, Cy - R * 0.45f), R * 0.55f, [Layers.Light(0.55f), Layers.Light(0f)], null, SKShaderTileMode.Clamp);
        Layers.Screen(canvas, face, gloss);
        using var arc = new SKPaint
        {
            Color = Layers.Light(0.85f),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = 7,
            StrokeCap = SKStrokeCap.Round,
        };
        using var soft = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 2.5f);
        arc.MaskFilter = soft;
        canvas.DrawArc(new SKRect(Cx - R * 0.86f, Cy - R * 0.86f, Cx + R * 0.86f, Cy + R * 0.86f), 200, 55, false, arc);

        using var edge = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 5 };
        using var metal = SKShader.CreateSweepGradient(
            new SKPoint(Cx, Cy), [new SKColor(0x8A, 0x8E, 0x94), SKColors.White, new SKColor(0x6A, 0x6E, 0x74), new SKColor(0xC8, 0xCC, 0xD0), new SKColor(0x8A, 0x8E, 0x94)]);
        edge.Shader = metal;
        canvas.DrawCircle(Cx, Cy, R - 1.5f, edge);
        canvas.Restore();
    }
}
