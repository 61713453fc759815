using SkiaSharp;

namespace ToonStudio.Imaging.Goods.Templates;

/// <summary>The sticker's base material: white vinyl, or a pale rainbow for holographic.</summary>
internal static class StickerVinyl
{
    public static SKShader Shader(string colorId, SKRect bounds)
    {
        if (colorId != "holographic")
        {
            return SKShader.CreateColor(SKColors.White);
        }

        SKColor[] rainbow =
        [
            new(0xF6, 0xD8, 0xF2), new(0xD6, 0xE6, 0xFB), new(0xD4, 0xF6, 0xEA), new(0xFB, 0xF3, 0xCF), new(0xF6, 0xD8, 0xF2),
        ];
        return SKShader.CreateLinearGradient(
            new SKPoint(bounds.Left, bounds.Top), new SKPoint(bounds.Right, bounds.Bottom), rainbow, null, SKShaderTileMode.Mirror);
    }
}
