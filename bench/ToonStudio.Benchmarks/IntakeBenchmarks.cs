using BenchmarkDotNet.Attributes;
using SkiaSharp;
using ToonStudio.Imaging.Intake;

namespace ToonStudio.Benchmarks;

/// <summary>Intake of a 12-megapixel JPEG (4000×3000, photo-like) down to the remote engines' 1024 px edge.</summary>
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private byte[] _jpeg = null!;
    private readonly IntakeLimits _limits = IntakeLimits.Default with { MaxBytes = 64L * 1024 * 1024 };

    [GlobalSetup]
    public void Setup() => _jpeg = TwelveMegapixelJpeg();

    [Benchmark]
    public int Intake_12MP_Jpeg_To_1024() => ImageIntake.Process(_jpeg, _limits).Width;

    /// <summary>Gradients plus seeded noise, so the JPEG has the entropy (and decode cost) of a photo.</summary>
    private static byte[] TwelveMegapixelJpeg()
    {
        const int W = 4000, H = 3000;
        using var bitmap = new SKBitmap(new SKImageInfo(W, H, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var random = new Random(12);
        for (var y = 0; y < H; y++)
        {
            for (var x = 0; x < W; x++)
            {
                var p = (y * W + x) * 4;
                var n = random.Next(-12, 13);
                pixels[p] = (byte)Math.Clamp(x * 255 / W + n, 0, 255);
                pixels[p + 1] = (byte)Math.Clamp(y * 255 / H + n, 0, 255);
                pixels[p + 2] = (byte)Math.Clamp(128 + n, 0, 255);
                pixels[p + 3] = 255;
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
