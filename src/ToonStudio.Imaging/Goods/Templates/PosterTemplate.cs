using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>An A3 print in a frame with a white mat, hanging on a softly lit wall, glare on the glass.</summary>
internal sealed class PosterTemplate : IGoodsTemplate, IPrintDesign
{
    private const float H = 800, W = H * 297f / 420f, Frame = 26, Mat = 44;
    private static readonly SKRect Outer = new(500 - W / 2, 500 - H / 2, 500 + W / 2, 500 + H / 2);

    public string Id => "poster";

    /// <summary>The print inside the mat (A3 proportions).</summary>
    public SKRect PrintArea { get; } = Inset(Outer, Frame + Mat);

    public PrintLayout Print => PrintLayout.FullBleed;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Wall(scene, new SKColor(0xE4, 0xDF, 0xD6));
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        var outer = Outer;
        using var frame = new SKPath();
        frame.AddRect(outer);
        Shadows.OfPath(canvas, frame, 14, 20, 18, 0.32f);
        Shadows.OfPath(canvas, frame, 3, 4, 3, 0.25f);
        FrameMoulding.Draw(canvas, outer, Frame, SKColor.Parse(scene.Color.Hex));

        var mat = Inset(outer, Frame);
        using var matPaint = new SKPaint { Color = new SKColor(0xFA, 0xF9, 0xF6) };
        canvas.DrawRect(mat, matPaint);
        var print = Inset(mat, Mat);
        PosterArt.Draw(canvas, print, scene.ArtImage, LabStats.Of(scene.Art.Subject, 4000), new SKSamplingOptions(SKFilterMode.Linear));
        // The mat's bevel: a thin shadow line along the top and left inside edges.
        using var bevel = new SKPaint { Color = new SKColor(0, 0, 0, 40), Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = true };
        canvas.DrawRect(print, bevel);

        using var glass = new SKPath();
        glass.AddRect(mat);
        using var glare = SKShader.CreateLinearGradient(
            new SKPoint(mat.Left, mat.Top), new SKPoint(mat.Right, mat.Bottom),
            [Layers.Light(0f), Layers.Light(0.16f), Layers.Light(0.02f), Layers.Light(0f)], [0.25f, 0.42f, 0.5f, 1f], SKShaderTileMode.Clamp);
        Layers.Screen(canvas, glass, glare);
        canvas.Restore();
    }

    public void DrawPrint(SKCanvas canvas, SKRect area, SKImage art, GoodsColor color, LabStats palette) =>
        PosterArt.Draw(canvas, area, art, palette, new SKSamplingOptions(SKCubicResampler.Mitchell));

    private static SKRect Inset(SKRect r, float by) => new(r.Left + by, r.Top + by, r.Right - by, r.Bottom - by);
}
