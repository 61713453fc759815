using SkiaSharp;

namespace ToonStudio.Tests.Shared;

/// <summary>The test images of the suites: a figure drawn in the test (any format and size), a character and a product, and the repository's own samples.</summary>
public static class TestImages
{
    /// <summary>A character input: the figure on transparency, 320×480 PNG.</summary>
    public static byte[] Character { get; } = Png();

    /// <summary>A product input: a blue rounded box on transparency, 200×200 PNG.</summary>
    public static byte[] Product { get; } = DrawProduct(200);

    /// <summary>The figure (a body and a head) as PNG, on <paramref name="background"/> or transparency.</summary>
    public static byte[] Png(int width = 320, int height = 480, SKColor? background = null) => Figure(width, height, SKEncodedImageFormat.Png, background);

    /// <summary>The figure as JPEG on white.</summary>
    public static byte[] Jpeg(int width = 320, int height = 480) => Figure(width, height, SKEncodedImageFormat.Jpeg, SKColors.White);

    /// <summary>The figure as WebP on white.</summary>
    public static byte[] Webp(int width = 320, int height = 480) => Figure(width, height, SKEncodedImageFormat.Webp, SKColors.White);

    /// <summary>The path of a sample in the repository's <c>samples/</c> (see samples/README.md); throws when it is missing.</summary>
    public static string Sample(string name)
    {
        var path = Path.Combine(ServerBuild.RepositoryRoot, "samples", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No sample {name} in samples/ of the repository.", path);
    }

    private static byte[] Figure(int width, int height, SKEncodedImageFormat format, SKColor? background)
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
        return Encode(bitmap, format);
    }

    private static byte[] DrawProduct(int edge)
    {
        using var bitmap = new SKBitmap(edge, edge, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = new SKColor(42, 111, 208), IsAntialias = true };
            canvas.DrawRoundRect(edge * 0.25f, edge * 0.15f, edge * 0.5f, edge * 0.7f, 12, 12, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
