using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>
/// A hard phone case seen from the back, tilted in perspective on a studio surface: the artwork printed
/// across it, the camera cut-out at the top corner, a diagonal gloss and the case's side wall.
/// </summary>
internal sealed class PhoneCaseTemplate : IGoodsTemplate
{
    private static readonly SKRect Case = new(330, 150, 670, 850);

    public string Id => "phone-case";

    public SKRect PrintArea { get; } = new SKRect(356, 350, 644, 810);

    public PrintLayout Print => PrintLayout.FullBleed;

    public void Draw(GoodsScene scene)
    {
        GoodsBackdrop.Studio(scene, 0.78f);
        scene.EnterDesignSpace();
        var canvas = scene.Canvas;
        canvas.Concat(Tilt(scene.Random.Range(-7f, -3f)));
        using var shell = new SKPath();
        shell.AddRoundRect(Case, 62, 62);
        Shadows.OfPath(canvas, shell, 22, 26, 20, 0.3f);

        // The side wall: the outline again, offset, darker — the case's thickness.
        canvas.Save();
        canvas.Translate(9, 7);
        using var wall = new SKPaint { Color = StudioSweep.Darken(scene.Product, 0.35f), IsAntialias = true };
        canvas.DrawPath(shell, wall);
        canvas.Restore();
        using var back = new SKPaint { Color = scene.Product, IsAntialias = true };
        canvas.DrawPath(shell, back);

        canvas.Save();
        canvas.ClipPath(shell, antialias: true);
        var art = scene.FitArt(PrintArea, alignBottom: true);
        scene.DrawArt(art);
        canvas.Restore();

        CameraModule.Draw(canvas, new SKRect(Case.Left + 24, Case.Top + 24, Case.Left + 160, Case.Top + 172));
        using var gloss = SKShader.CreateLinearGradient(
            new SKPoint(Case.Left, Case.Top), new SKPoint(Case.Right, Case.Bottom),
            [Layers.Light(0.3f), Layers.Light(0.06f), Layers.Light(0f), Layers.Light(0.12f)], [0f, 0.38f, 0.39f, 1f], SKShaderTileMode.Clamp);
        Layers.Screen(canvas, shell, gloss);
        using var rim = new SKPaint { Color = Layers.Light(0.5f), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f };
        canvas.DrawRoundRect(Case, 62, 62, rim);
        canvas.Restore();
    }

    /// <summary>A slight turn about the vertical axis: a four-corner perspective (docs/mockups.md "Flat with perspective").</summary>
    private static SKMatrix Tilt(float degrees)
    {
        var rotate = SKMatrix.CreateRotationDegrees(degrees, 500, 500);
        var perspective = new SKMatrix(1, 0, 0, 0, 1, 0, 0.00012f, 0, 1);
        var centre = SKMatrix.CreateTranslation(-500, -500);
        var back = SKMatrix.CreateTranslation(500, 500);
        return back.PreConcat(perspective).PreConcat(centre).PostConcat(rotate);
    }
}

/// <summary>The camera cut-out: the phone's dark glass bump showing through, with three lenses and a flash.</summary>
internal static class CameraModule
{
    public static void Draw(SKCanvas canvas, SKRect area)
    {
        using var bump = new SKPaint { Color = new SKColor(0x1C, 0x1E, 0x22), IsAntialias = true };
        canvas.DrawRoundRect(area, 38, 38, bump);
        using var edge = new SKPaint { Color = new SKColor(0xFF, 0xFF, 0xFF, 70), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        canvas.DrawRoundRect(area, 38, 38, edge);
        var r = area.Width * 0.2f;
        SKPoint[] lenses = [new(area.Left + area.Width * 0.3f, area.Top + area.Height * 0.28f), new(area.Left + area.Width * 0.3f, area.Top + area.Height * 0.72f), new(area.Left + area.Width * 0.72f, area.Top + area.Height * 0.5f)];
        foreach (var c in lenses)
        {
            using var ring = new SKPaint { Color = new SKColor(0x3A, 0x3D, 0x44), IsAntialias = true };
            canvas.DrawCircle(c, r, ring);
            using var glassShader = SKShader.CreateRadialGradient(
                new SKPoint(c.X - r * 0.3f, c.Y - r * 0.3f), r, [new SKColor(0x4A, 0x55, 0x70), new SKColor(0x05, 0x06, 0x0A)], null, SKShaderTileMode.Clamp);
            using var glass = new SKPaint { Shader = glassShader, IsAntialias = true };
            canvas.DrawCircle(c, r * 0.72f, glass);
            using var glint = new SKPaint { Color = Layers.Light(0.7f), IsAntialias = true };
            canvas.DrawCircle(c.X - r * 0.25f, c.Y - r * 0.25f, r * 0.12f, glint);
        }

        using var flash = new SKPaint { Color = new SKColor(0xF3, 0xE6, 0xC0), IsAntialias = true };
        canvas.DrawCircle(area.Left + area.Width * 0.72f, area.Top + area.Height * 0.16f, r * 0.22f, flash);
    }
}
