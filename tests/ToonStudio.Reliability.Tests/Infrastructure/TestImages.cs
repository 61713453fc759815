using SkiaSharp;

namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>Small synthetic inputs (a character and a product on transparent ground), made once per process.</summary>
public static class TestImages
{
    public static byte[] Character { get; } = Draw(SKColors.HotPink, 320);
    public static byte[] Product { get; } = Draw(SKColors.SteelBlue, 200);

    private static byte[] Draw(SKColor color, int edge)
    {
        using var surface = SKSurface.Create(new SKImageInfo(edge, edge, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        surface.Canvas.DrawCircle(edge / 2f, edge / 2f, edge / 3f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
