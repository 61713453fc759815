using SkiaSharp;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Codecs;

namespace ToonStudio.FakeProviders;

/// <summary>Real image bytes for fake results: the inputs side by side on a canvas of the asked ratio, prompt below.</summary>
public static class FakeImages
{
    public static byte[] Render(IReadOnlyList<byte[]> inputs, string prompt, string? aspectRatio, string format, int edge)
    {
        var (w, h) = Size(aspectRatio, edge);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xF4, 0xEF, 0xE6));
        var slot = w / Math.Max(1, inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            using var bitmap = TryDecode(inputs[i]);
            if (bitmap is null)
            {
                continue;
            }
            var scale = Math.Min((float)slot / bitmap.Width, (h * 0.8f) / bitmap.Height);
            var rect = SKRect.Create(i * slot + (slot - bitmap.Width * scale) / 2, h * 0.05f, bitmap.Width * scale, bitmap.Height * scale);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear));
        }
        using var font = new SKFont(SKTypeface.Default, Math.Max(10, h / 24f));
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var text = prompt.Length > 80 ? prompt[..80] : prompt;
        canvas.DrawText(text, 8, h - font.Size, SKTextAlign.Left, font, paint);
        using var snapshot = surface.Snapshot();
        return ImageCodec.Encode(snapshot, format is "jpg" or "jpeg" ? OutputFormat.Jpeg : OutputFormat.Png, EncodeProfile.Compact).Bytes;
    }

    /// <summary>A fake draws what it can: an input that does not decode leaves its slot empty.</summary>
    private static SKBitmap? TryDecode(byte[] input)
    {
        try
        {
            return ImageCodec.Decode(input, DecodeOptions.Strict);
        }
        catch (ImageDecodeException)
        {
            return null;
        }
    }

    public static (int Width, int Height) Size(string? aspectRatio, int edge)
    {
        var parts = (aspectRatio ?? "1:1").Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[0], out var a) || !double.TryParse(parts[1], out var b) || a <= 0 || b <= 0)
        {
            return (edge, edge);
        }
        return a >= b ? (edge, Math.Max(16, (int)(edge * b / a))) : (Math.Max(16, (int)(edge * a / b)), edge);
    }

    public static string ContentType(string format) => format is "jpg" or "jpeg" ? "image/jpeg" : "image/png";
}
