using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>A photographer's studio: a wall that lightens toward the horizon and a floor that darkens toward the camera.</summary>
internal static class StudioSweep
{
    public static void Draw(SKCanvas canvas, int w, int h, float horizon, SKColor wallTop, SKColor wallLow, SKColor floorNear)
    {
        // Gradients this soft look the same drawn at an eighth of the size and scaled up bilinearly, at a
        // fraction of the cost of shading every canvas pixel twice.
        int sw = Math.Max(8, w / 8), sh = Math.Max(8, h / 8);
        using var small = SKSurface.Create(new SKImageInfo(sw, sh));
        var t = Math.Clamp(horizon / h, 0.3f, 0.9f);
        // One continuous sweep, as a cyclorama has no corner: darker at the top, brightest where the wall
        // turns into the floor, darkening again toward the camera.
        using var sweepShader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(0, sh),
            [wallLow, wallTop, Lighten(wallTop, 0.35f), Lighten(floorNear, 0.15f), floorNear],
            [0f, t * 0.6f, t, t + (1f - t) * 0.35f, 1f],
            SKShaderTileMode.Clamp);
        using var sweep = new SKPaint { Shader = sweepShader };
        small.Canvas.DrawRect(0, 0, sw, sh, sweep);

        // A soft vignette keeps the eye in the middle, as a studio light does.
        using var vignetteShader = SKShader.CreateRadialGradient(
            new SKPoint(sw / 2f, sh * 0.5f), Math.Max(sw, sh) * 0.75f,
            [SKColors.Transparent, SKColors.Black.WithAlpha(40)], [0.5f, 1f], SKShaderTileMode.Clamp);
        using var vignette = new SKPaint { Shader = vignetteShader };
        small.Canvas.DrawRect(0, 0, sw, sh, vignette);
        using var image = small.Snapshot();
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear));
    }

    public static SKColor Lighten(SKColor c, float t) => new(
        (byte)(c.Red + (255 - c.Red) * t), (byte)(c.Green + (255 - c.Green) * t), (byte)(c.Blue + (255 - c.Blue) * t), c.Alpha);

    public static SKColor Darken(SKColor c, float t) => new(
        (byte)(c.Red * (1 - t)), (byte)(c.Green * (1 - t)), (byte)(c.Blue * (1 - t)), c.Alpha);
}
