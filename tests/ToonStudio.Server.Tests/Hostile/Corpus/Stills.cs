using SkiaSharp;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>Small valid images from SkiaSharp's own encoders: the material the mutations start from.</summary>
internal static class Stills
{
    public static byte[] Png(int width = 96, int height = 64) => Encode(width, height, SKEncodedImageFormat.Png, SKColors.Transparent);

    public static byte[] Jpeg(int width = 96, int height = 64) => Encode(width, height, SKEncodedImageFormat.Jpeg, SKColors.White);

    public static byte[] Webp(int width = 96, int height = 64) => Encode(width, height, SKEncodedImageFormat.Webp, SKColors.White);

    public static byte[] WebpLossless(int width = 32, int height = 32)
    {
        using var bitmap = Draw(width, height, SKColors.Transparent);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 100))
            ?? throw new InvalidOperationException("SkiaSharp could not encode a lossless WebP.");
        return data.ToArray();
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor background)
    {
        using var bitmap = Draw(width, height, background);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static SKBitmap Draw(int width, int height, SKColor background)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        using var paint = new SKPaint { Color = new SKColor(230, 120, 140), IsAntialias = true };
        canvas.DrawCircle(width / 3f, height / 2f, Math.Min(width, height) / 3f, paint);
        return bitmap;
    }
}
