using SkiaSharp;

namespace ToonStudio.Server.Tests.Support;

/// <summary>Images made in the test: a figure on a plain background, in any format and size.</summary>
public static class TestImages
{
    public static byte[] Png(int width = 320, int height = 480, SKColor? background = null) => Encode(width, height, SKEncodedImageFormat.Png, background);

    public static byte[] Jpeg(int width = 320, int height = 480) => Encode(width, height, SKEncodedImageFormat.Jpeg, SKColors.White);

    public static byte[] Webp(int width = 320, int height = 480) => Encode(width, height, SKEncodedImageFormat.Webp, SKColors.White);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, SKColor? background)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background ?? SKColors.Transparent);
            using var body = new SKPaint { Color = new SKColor(230, 120, 140), IsAntialias = true };
            canvas.DrawOval(width / 2f, height * 0.62f, width * 0.3f, height * 0.3f, body);
            using var head = new SKPaint { Color = new SKColor(250, 200, 170), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height * 0.28f, Math.Min(width, height) * 0.2f, head);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
