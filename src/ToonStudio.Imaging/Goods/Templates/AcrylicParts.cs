using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>Clear acrylic: a faint fill, a thick bright edge offset like the slab's side, and a gloss.</summary>
internal static class AcrylicBody
{
    public static void Draw(SKCanvas canvas, SKPath shape, string colorId)
    {
        // The slab's side: the outline shifted down-right, seen through the clear face.
        canvas.Save();
        canvas.Translate(5, 7);
        using var side = new SKPaint { Color = new SKColor(0xB8, 0xC4, 0xCC, 150), IsAntialias = true };
        canvas.DrawPath(shape, side);
        canvas.Restore();

        var tint = colorId == "aurora" ? new SKColor(0xEE, 0xE4, 0xFA, 210) : new SKColor(0xF7, 0xFA, 0xFC, 200);
        using var face = new SKPaint { Color = tint, IsAntialias = true };
        canvas.DrawPath(shape, face);
        using var edge = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3.5f };
        canvas.DrawPath(shape, edge);
        using var rim = new SKPaint { Color = new SKColor(0x90, 0xA0, 0xAA, 120), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.2f };
        canvas.DrawPath(shape, rim);
    }

    public static void Gloss(SKCanvas canvas, SKPath shape)
    {
        var b = shape.Bounds;
        using var gloss = SKShader.CreateLinearGradient(
            new SKPoint(b.Left, b.Top), new SKPoint(b.Right, b.Bottom),
            [Layers.Light(0.45f), Layers.Light(0.05f), Layers.Light(0f), Layers.Light(0.2f)], [0f, 0.35f, 0.7f, 1f], SKShaderTileMode.Clamp);
        Layers.Screen(canvas, shape, gloss);
    }
}

/// <summary>The metal: a jump ring through the tab, three chain links and a split ring.</summary>
internal static class KeyringHardware
{
    public static void Draw(SKCanvas canvas, SKPoint hole, float holeRadius, bool gold)
    {
        var light = gold ? new SKColor(0xFF, 0xEC, 0xB0) : new SKColor(0xF4, 0xF6, 0xF8);
        var dark = gold ? new SKColor(0x9A, 0x74, 0x28) : new SKColor(0x70, 0x76, 0x7E);
        // The jump ring passes through the hole: its lower arc sits on the hole's bottom edge.
        var jump = new SKRect(hole.X - 26, hole.Y - 70, hole.X + 26, hole.Y + holeRadius * 0.6f);
        Ring(canvas, jump, 7, light, dark);
        var y = jump.Top + 6;
        for (var i = 0; i < 3; i++)
        {
            var link = i % 2 == 0 ? new SKRect(hole.X - 9, y - 34, hole.X + 9, y) : new SKRect(hole.X - 4, y - 34, hole.X + 4, y);
            Ring(canvas, link, 5, light, dark);
            y -= 28;
        }

        Ring(canvas, new SKRect(hole.X - 62, y - 118, hole.X + 62, y + 4), 8, light, dark);
    }

    private static void Ring(SKCanvas canvas, SKRect oval, float width, SKColor light, SKColor dark)
    {
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(oval.Left, oval.Top), new SKPoint(oval.Right, oval.Bottom), [light, dark, light, dark], [0f, 0.35f, 0.65f, 1f], SKShaderTileMode.Clamp);
        using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 50), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
        using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 3);
        shadow.MaskFilter = blur;
        canvas.Save();
        canvas.Translate(4, 6);
        canvas.DrawOval(oval, shadow);
        canvas.Restore();
        using var metal = new SKPaint { Shader = shader, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
        canvas.DrawOval(oval, metal);
    }
}
