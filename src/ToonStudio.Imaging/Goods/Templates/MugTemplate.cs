using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>A glazed ceramic mug: the artwork wrapped round the cylinder, shaded dark–light–dark, with glaze highlights.</summary>
internal sealed class MugTemplate : IGoodsTemplate
{
    private const float Cx = 455, Radius = 250, Top = 215, Bottom = 800, Ellipse = 46;

    public string Id => "mug";

    /// <summary>The front of the cylinder where the wrapped print shows.</summary>
    public SKRect PrintArea { get; } = new(Cx - Radius * 0.8f, Top + 60, Cx + Radius * 0.8f, Bottom - 40);

    public PrintLayout Print => PrintLayout.ArtOnly;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.6f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        Shadows.Contact(canvas, Cx + 30, Bottom + Ellipse * 0.6f, Radius * 2.5f, 0.35f);
        MugHandle.Draw(canvas, scene.Product, Cx + Radius, Top, Bottom);

        using var body = new SKPath();
        body.MoveTo(Cx - Radius, Top);
        body.LineTo(Cx - Radius, Bottom);
        body.ArcTo(new SKRect(Cx - Radius, Bottom - Ellipse, Cx + Radius, Bottom + Ellipse), 180, -180, false);
        body.LineTo(Cx + Radius, Top);
        body.ArcTo(new SKRect(Cx - Radius, Top - Ellipse, Cx + Radius, Top + Ellipse), 0, 180, false);
        body.Close();
        using var fill = new SKPaint { Color = scene.Product, IsAntialias = true };
        canvas.DrawPath(body, fill);

        canvas.Save();
        canvas.ClipPath(body, antialias: true);
        WrapArt(scene, canvas);
        canvas.Restore();

        using var ramp = Layers.HorizontalRamp(Cx - Radius, Cx + Radius, [0.55f, 0.86f, 1f, 0.97f, 0.8f, 0.5f], [0f, 0.15f, 0.38f, 0.62f, 0.85f, 1f]);
        Layers.Multiply(canvas, body, ramp);
        using var glaze = Layers.Band(Cx - Radius * 0.45f, Radius * 0.09f, 0.75f);
        Layers.Screen(canvas, body, glaze);
        using var glaze2 = Layers.Band(Cx + Radius * 0.62f, Radius * 0.05f, 0.35f);
        Layers.Screen(canvas, body, glaze2);
        MugRim.Draw(canvas, scene.Product, Cx, Top, Radius, Ellipse);
        canvas.Restore();
    }

    /// <summary>The cylinder warp of docs/mockups.md: texture x → angle θ = s / R, screen x = cx + R·sin θ, the back half hidden.</summary>
    private static void WrapArt(GoodsScene scene, SKCanvas canvas)
    {
        var printHeight = (Bottom - Top) * 0.7f;
        var aspect = (float)scene.ArtImage.Width / scene.ArtImage.Height;
        var arc = Math.Min(printHeight * aspect, Radius * 2.3f);
        printHeight = arc / aspect;
        var printTop = Top + (Bottom - Top - printHeight) / 2f + 8f;
        MeshWarp.Draw(canvas, scene.ArtImage, 32, 8, (u, v) =>
        {
            var theta = (u - 0.5f) * arc / Radius;
            var x = Cx + Radius * MathF.Sin(theta);
            // The print's rows follow the rim's ellipse: the sides sit higher than the front.
            var y = printTop + v * printHeight + Ellipse * (MathF.Cos(theta) - 1f) * 0.9f;
            return new SKPoint(x, y);
        }, visible: (u, v) => MathF.Abs((u - 0.5f) * arc / Radius) < MathF.PI / 2f);
    }
}
