using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>The studio behind a product: light and neutral, a shade darker behind light products so they stand out.</summary>
internal static class GoodsBackdrop
{
    public static void Studio(GoodsScene scene, float horizon = 0.66f)
    {
        var light = Luminance(scene.Product) > 0.75f;
        var top = light ? new SKColor(0xE3, 0xE0, 0xDB) : new SKColor(0xF2, 0xF0, 0xEC);
        var low = light ? new SKColor(0xD2, 0xCD, 0xC6) : new SKColor(0xE6, 0xE2, 0xDC);
        var floor = light ? new SKColor(0xC4, 0xBE, 0xB6) : new SKColor(0xD9, 0xD4, 0xCC);
        StudioSweep.Draw(scene.Canvas, scene.Width, scene.Height, scene.Height * horizon, top, low, floor);
    }

    /// <summary>A plain wall, lit from the upper left, for things that hang (poster, tote).</summary>
    public static void Wall(GoodsScene scene, SKColor wall)
    {
        var canvas = scene.Canvas;
        using var shader = SKShader.CreateRadialGradient(
            new SKPoint(scene.Width * 0.35f, scene.Height * 0.2f), Math.Max(scene.Width, scene.Height) * 1.1f,
            [StudioSweep.Lighten(wall, 0.35f), wall, StudioSweep.Darken(wall, 0.12f)], [0f, 0.55f, 1f], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, scene.Width, scene.Height, paint);
        using var grain = NoiseTile.Create(scene.Random, 0.05f, weave: false);
        using var grainPaint = new SKPaint { Shader = grain };
        canvas.DrawRect(0, 0, scene.Width, scene.Height, grainPaint);
    }

    public static float Luminance(SKColor c) => (0.2126f * c.Red + 0.7152f * c.Green + 0.0722f * c.Blue) / 255f;

    /// <summary>A pale desk top seen from above, for flat goods (stickers).</summary>
    public static void Desk(GoodsScene scene)
    {
        Wall(scene, new SKColor(0xE9, 0xE4, 0xDA));
    }
}
