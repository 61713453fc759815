using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>A photographer's studio: a wall that lightens toward the horizon and a floor that darkens toward the camera.</summary>
internal static class StudioSweep
{
    public static void Draw(SKCanvas canvas, int w, int h, float horizon, SKColor wallTop, SKColor wallLow, SKColor floorNear)
    {
        using var wallShader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(0, horizon), [wallLow, wallTop, Lighten(wallTop, 0.4f)], [0f, 0.7f, 1f], SKShaderTileMode.Clamp);
        using var wall = new SKPaint { Shader = wallShader };
        canvas.DrawRect(0, 0, w, horizon, wall);

        using var floorShader = SKShader.CreateLinearGradient(
            new SKPoint(0, horizon), new SKPoint(0, h), [Lighten(wallTop, 0.3f), floorNear], null, SKShaderTileMode.Clamp);
        using var floor = new SKPaint { Shader = floorShader };
        canvas.DrawRect(0, horizon, w, h - horizon, floor);

        // A soft vignette keeps the eye in the middle, as a studio light does.
        using var vignetteShader = SKShader.CreateRadialGradient(
            new SKPoint(w / 2f, h * 0.55f), Math.Max(w, h) * 0.75f,
            [SKColors.Transparent, SKColors.Black.WithAlpha(46)], [0.55f, 1f], SKShaderTileMode.Clamp);
        using var vignette = new SKPaint { Shader = vignetteShader };
        canvas.DrawRect(0, 0, w, h, vignette);
    }

    public static SKColor Lighten(SKColor c, float t) => new(
        (byte)(c.Red + (255 - c.Red) * t), (byte)(c.Green + (255 - c.Green) * t), (byte)(c.Blue + (255 - c.Blue) * t), c.Alpha);

    public static SKColor Darken(SKColor c, float t) => new(
        (byte)(c.Red * (1 - t)), (byte)(c.Green * (1 - t)), (byte)(c.Blue * (1 - t)), c.Alpha);
}
