using SkiaSharp;

namespace ToonStudio.FakeProviders.Tests;

/// <summary>Tiny real PNGs for the fakes' image inputs.</summary>
public static class Png
{
    public static byte[] Solid(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.OrangeRed);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
