using SkiaSharp;
using ToonStudio.Imaging.Cutout;

namespace ToonStudio.Imaging.Tests.Support;

public enum SyntheticBackground { Flat, Gradient, Noisy, PhotoStudio, Outdoor }

/// <summary>A figure of known shape composited on a chosen background, with its exact mask.</summary>
internal sealed class SyntheticScene
{
    private SyntheticScene(SKBitmap image, bool[] mask)
    {
        Image = image;
        Mask = mask;
    }

    public SKBitmap Image { get; }

    public bool[] Mask { get; }

    public int Width => Image.Width;

    public static SyntheticScene Create(int w, int h, SyntheticBackground background, bool outlined, int seed)
    {
        var image = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(image))
        {
            Background(canvas, image, w, h, background, seed);
            using var figure = FigurePath(w, h);
            using var fill = new SKPaint { Color = new SKColor(0xE0, 0x5A, 0x3C), IsAntialias = true };
            canvas.DrawPath(figure, fill);
            using var light = new SKPaint { Color = new SKColor(0xFF, 0xF4, 0xE8), IsAntialias = true };
            canvas.DrawCircle(w * 0.5f, h * 0.3f, w * 0.06f, light); // a pale area inside the figure must stay
            if (outlined)
            {
                using var line = new SKPaint { Color = new SKColor(0x40, 0x22, 0x1C), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
                canvas.DrawPath(figure, line);
            }
        }

        // The known mask is what was drawn: the fill, plus the outline's outer half when there is one.
        using var figurePath = FigurePath(w, h);
        using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        using var strokeOutline = new SKPath();
        stroke.GetFillPath(figurePath, strokeOutline);
        using var maskPath = outlined ? figurePath.Op(strokeOutline, SKPathOp.Union)! : new SKPath(figurePath);
        var mask = new bool[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                mask[y * w + x] = maskPath.Contains(x + 0.5f, y + 0.5f);
            }
        }

        return new SyntheticScene(image, mask);
    }

    public byte[] EncodePng() => Encode(SKEncodedImageFormat.Png, 100);

    public byte[] EncodeJpeg(int quality) => Encode(SKEncodedImageFormat.Jpeg, quality);

    /// <summary>Intersection over union of the known mask and the cutout's alpha (≥ 128), in source coordinates.</summary>
    public static double IoU(bool[] mask, int w, CutoutImage cut)
    {
        var h = mask.Length / w;
        var alpha = cut.Subject.GetPixelSpan();
        long both = 0, either = 0;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var inside = x >= cut.Bounds.Left && x < cut.Bounds.Right && y >= cut.Bounds.Top && y < cut.Bounds.Bottom
                    && alpha[((y - cut.Bounds.Top) * cut.Width + (x - cut.Bounds.Left)) * 4 + 3] >= 128;
                var truth = mask[y * w + x];
                both += inside && truth ? 1 : 0;
                either += inside || truth ? 1 : 0;
            }
        }

        return (double)both / either;
    }

    private byte[] Encode(SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(Image);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A head, a body and two arms: concave corners and thin parts, like a character.</summary>
    private static SKPath FigurePath(int w, int h)
    {
        var head = new SKPath();
        head.AddCircle(w * 0.5f, h * 0.3f, w * 0.17f);
        var body = new SKPath();
        body.AddRoundRect(new SKRect(w * 0.33f, h * 0.44f, w * 0.67f, h * 0.86f), w * 0.08f, w * 0.08f);
        var arms = new SKPath();
        arms.AddRoundRect(new SKRect(w * 0.2f, h * 0.48f, w * 0.8f, h * 0.54f), w * 0.03f, w * 0.03f);
        var path = head.Op(body, SKPathOp.Union)!;
        var result = path.Op(arms, SKPathOp.Union)!;
        head.Dispose();
        body.Dispose();
        arms.Dispose();
        path.Dispose();
        return result;
    }

    private static void Background(SKCanvas canvas, SKBitmap image, int w, int h, SyntheticBackground kind, int seed)
    {
        switch (kind)
        {
            case SyntheticBackground.Flat:
                canvas.Clear(new SKColor(0xF6, 0xF6, 0xF4));
                break;
            case SyntheticBackground.Gradient:
                {
                    using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w * 0.3f, h),
                        [new SKColor(0xDC, 0xE8, 0xF4), new SKColor(0xF0, 0xE2, 0xC8)], null, SKShaderTileMode.Clamp);
                    using var paint = new SKPaint { Shader = shader };
                    canvas.DrawRect(0, 0, w, h, paint);
                    break;
                }

            case SyntheticBackground.PhotoStudio:
                {
                    // A radial sweep, a soft floor shadow under the figure and sensor noise: a catalogue photo.
                    using var shader = SKShader.CreateRadialGradient(new SKPoint(w / 2f, h * 0.4f), h * 0.8f,
                        [new SKColor(0xF4, 0xF1, 0xEC), new SKColor(0xD0, 0xC8, 0xBE)], null, SKShaderTileMode.Clamp);
                    using var paint = new SKPaint { Shader = shader };
                    canvas.DrawRect(0, 0, w, h, paint);
                    using var blur = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 14);
                    using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 60), MaskFilter = blur };
                    canvas.DrawOval(new SKRect(w * 0.28f, h * 0.83f, w * 0.72f, h * 0.92f), shadow);
                    canvas.Flush();
                    AddNoise(image, seed, 5);
                    break;
                }

            case SyntheticBackground.Outdoor:
                {
                    // A scene, not a backdrop: sky, grass and two trees the flood fill stops at.
                    using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, h * 0.7f),
                        [new SKColor(0x78, 0xAA, 0xE6), new SKColor(0xD2, 0xE6, 0xFA)], null, SKShaderTileMode.Clamp);
                    using var skyPaint = new SKPaint { Shader = sky };
                    canvas.DrawRect(0, 0, w, h * 0.7f, skyPaint);
                    using var grass = new SKPaint { Color = new SKColor(0x6E, 0xAA, 0x5A) };
                    canvas.DrawRect(0, h * 0.7f, w, h * 0.3f, grass);
                    using var tree = new SKPaint { Color = new SKColor(0x32, 0x6E, 0x3C), IsAntialias = true };
                    canvas.DrawCircle(w * 0.1f, h * 0.55f, w * 0.08f, tree);
                    canvas.DrawCircle(w * 0.92f, h * 0.5f, w * 0.07f, tree);
                    break;
                }

            default:
                canvas.Clear(new SKColor(0xE4, 0xE4, 0xE0));
                canvas.Flush();
                AddNoise(image, seed, 10);
                break;
        }
    }

    private static void AddNoise(SKBitmap image, int seed, int amplitude)
    {
        var random = new Random(seed);
        var pixels = image.GetPixelSpan();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            var n = (int)Math.Round((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * amplitude * 1.4);
            for (var c = 0; c < 3; c++)
            {
                pixels[p + c] = (byte)Math.Clamp(pixels[p + c] + n, 0, 255);
            }
        }
    }
}
