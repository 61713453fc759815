using SkiaSharp;

namespace ToonStudio.Samples;

/// <summary>Paints the sample characters and products with SkiaSharp shapes, gradients and seeded noise.</summary>
internal static class SamplePainter
{
    private static readonly SKColor Ink = new(0x3A, 0x2A, 0x2E);
    private const float Line = 7f;

    public static IReadOnlyList<(string File, long Bytes)> WriteAll(string folder)
    {
        var written = new List<(string, long)>();
        void Save(string name, SKBitmap bitmap, bool jpeg)
        {
            using (bitmap)
            using (var image = SKImage.FromBitmap(bitmap))
            using (var data = jpeg ? image.Encode(SKEncodedImageFormat.Jpeg, 85) : image.Encode(SKEncodedImageFormat.Png, 100))
            {
                var path = Path.Combine(folder, name);
                File.WriteAllBytes(path, data.ToArray());
                written.Add((name, data.Size));
            }
        }

        Save("character-girl-on-white.jpg", Girl(), jpeg: true);
        Save("character-pig-transparent.png", Pig(), jpeg: false);
        Save("character-bear-on-photo.jpg", BearOnPhoto(), jpeg: true);
        Save("product-can-transparent.png", Can(), jpeg: false);
        Save("product-handbag-photo.jpg", Handbag(), jpeg: true);
        Save("product-serum-on-beige.jpg", Serum(), jpeg: true);
        return written;
    }

    /// <summary>A chibi girl in flat colours with dark outlines on plain white, 700×1100, no alpha.</summary>
    private static SKBitmap Girl()
    {
        var bitmap = new SKBitmap(new SKImageInfo(700, 1100, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);

        var skin = new SKColor(0xFF, 0xE0, 0xC8);
        var hair = new SKColor(0x5B, 0x3A, 0x29);
        var dress = new SKColor(0x6F, 0xA8, 0xF0);

        // Hair behind the head: long, down to the shoulders.
        Fill(canvas, hair, RoundRect(150, 180, 550, 700, 160));
        // Legs and shoes.
        Fill(canvas, skin, Rect(295, 860, 335, 1010));
        Fill(canvas, skin, Rect(365, 860, 405, 1010));
        Fill(canvas, new SKColor(0xC8, 0x4B, 0x5A), RoundRect(270, 995, 345, 1040, 20));
        Fill(canvas, new SKColor(0xC8, 0x4B, 0x5A), RoundRect(355, 995, 430, 1040, 20));
        // Arms.
        Fill(canvas, skin, RoundRect(200, 620, 245, 840, 22));
        Fill(canvas, skin, RoundRect(455, 620, 500, 840, 22));
        // Dress: a trapezoid with a white collar.
        using (var body = new SKPath())
        {
            body.MoveTo(270, 590);
            body.LineTo(430, 590);
            body.LineTo(500, 880);
            body.LineTo(200, 880);
            body.Close();
            Fill(canvas, dress, body);
        }
        Fill(canvas, SKColors.White, Oval(350, 600, 70, 28));
        Fill(canvas, new SKColor(0xFF, 0xD5, 0x4F), Oval(350, 640, 14, 14));
        // Head.
        Fill(canvas, skin, Oval(350, 380, 210, 200));
        // Bangs.
        using (var bangs = new SKPath())
        {
            bangs.MoveTo(140, 380);
            bangs.CubicTo(140, 140, 560, 140, 560, 380);
            bangs.LineTo(520, 330);
            bangs.LineTo(470, 290);
            bangs.LineTo(420, 330);
            bangs.LineTo(350, 280);
            bangs.LineTo(290, 330);
            bangs.LineTo(230, 290);
            bangs.LineTo(180, 340);
            bangs.Close();
            Fill(canvas, hair, bangs);
        }
        // Hair ribbon.
        Fill(canvas, new SKColor(0xF0, 0x6E, 0x8C), Triangle(470, 200, 540, 160, 530, 250));
        Fill(canvas, new SKColor(0xF0, 0x6E, 0x8C), Triangle(470, 200, 420, 140, 410, 230));
        Eyes(canvas, 270, 430, 430, 430, 34, 46, new SKColor(0x4A, 0x2C, 0x6B));
        Blush(canvas, 230, 500, 470, 500);
        Smile(canvas, 350, 505, 30);
        return bitmap;
    }

    /// <summary>A round pink pig with a pale belly and a heart, on a transparent background, 800×1000.</summary>
    private static SKBitmap Pig()
    {
        var bitmap = new SKBitmap(new SKImageInfo(800, 1000, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        PigFigure(canvas, 400, 0, 1f);
        return bitmap;
    }

    /// <summary>A brown bear waving in front of a busy, blurred park photo with bokeh and sensor noise, 1000×1000.</summary>
    private static SKBitmap BearOnPhoto()
    {
        var bitmap = new SKBitmap(new SKImageInfo(1000, 1000, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        var random = new Random(20261202);

        // Sky to grass, then a blurred tree line, bokeh discs and a path: a shallow-depth-of-field street photo.
        using (var sky = new SKPaint { IsAntialias = true })
        {
            sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 1000),
                [new SKColor(0x9C, 0xC8, 0xE8), new SKColor(0xD8, 0xE6, 0xC8), new SKColor(0x5E, 0x8A, 0x3E), new SKColor(0x3F, 0x66, 0x2C)],
                [0f, 0.45f, 0.55f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 1000, 1000, sky);
        }
        using (var blur = new SKPaint { IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 18) })
        {
            for (var k = 0; k < 40; k++)
            {
                blur.Color = new SKColor((byte)random.Next(30, 90), (byte)random.Next(90, 150), (byte)random.Next(30, 70));
                canvas.DrawCircle(random.Next(-50, 1050), random.Next(300, 520), random.Next(60, 140), blur);
            }
            blur.Color = new SKColor(0xC9, 0xB2, 0x8E);
            using var path = new SKPath();
            path.MoveTo(420, 520);
            path.LineTo(580, 520);
            path.LineTo(900, 1000);
            path.LineTo(100, 1000);
            path.Close();
            canvas.DrawPath(path, blur);
        }
        using (var bokeh = new SKPaint { IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 4) })
        {
            SKColor[] lights = [new(0xFF, 0xF4, 0xC0, 0x90), new(0xFF, 0xC8, 0xD8, 0x80), new(0xE0, 0xFF, 0xF0, 0x80)];
            for (var k = 0; k < 70; k++)
            {
                bokeh.Color = lights[random.Next(lights.Length)];
                canvas.DrawCircle(random.Next(0, 1000), random.Next(0, 600), random.Next(10, 45), bokeh);
            }
        }
        AddNoise(bitmap, random, 14);

        // The bear, in flat colours and outlines, over the photo.
        var fur = new SKColor(0xB0, 0x7A, 0x4C);
        var muzzle = new SKColor(0xF2, 0xDC, 0xC0);
        Fill(canvas, fur, Oval(500, 760, 190, 200));
        Fill(canvas, muzzle, Oval(500, 790, 110, 120));
        Fill(canvas, fur, RoundRect(330, 600, 390, 790, 30));
        using (var arm = new SKPath())
        {
            arm.AddRoundRect(new SKRoundRect(SKRect.Create(610, 520, 60, 190), 30));
            arm.Transform(SKMatrix.CreateRotationDegrees(35, 640, 690));
            Fill(canvas, fur, arm);
        }
        Fill(canvas, fur, Oval(400, 950, 70, 45));
        Fill(canvas, fur, Oval(600, 950, 70, 45));
        Fill(canvas, fur, Oval(330, 250, 62, 62));
        Fill(canvas, fur, Oval(670, 250, 62, 62));
        Fill(canvas, muzzle, Oval(330, 250, 32, 32));
        Fill(canvas, muzzle, Oval(670, 250, 32, 32));
        Fill(canvas, fur, Oval(500, 400, 210, 185));
        Fill(canvas, muzzle, Oval(500, 470, 80, 60));
        Fill(canvas, Ink, Oval(500, 445, 24, 16));
        Eyes(canvas, 420, 385, 580, 385, 22, 28, Ink);
        Blush(canvas, 375, 450, 625, 450);
        Smile(canvas, 500, 480, 22);
        return bitmap;
    }

    /// <summary>A drinks can with metallic shading and a two-colour label, on a transparent background, 500×900.</summary>
    private static SKBitmap Can()
    {
        var bitmap = new SKBitmap(new SKImageInfo(500, 900, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);

        var body = SKRect.Create(70, 110, 360, 700);
        using var paint = new SKPaint { IsAntialias = true };
        // The body: a horizontal gradient reads as a cylinder (dark edges, a bright streak left of centre).
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(body.Left, 0), new SKPoint(body.Right, 0),
            [new SKColor(0x7A, 0x0E, 0x1C), new SKColor(0xE8, 0x3A, 0x4A), new SKColor(0xFF, 0xC8, 0xCC), new SKColor(0xD8, 0x2A, 0x3C), new SKColor(0x5A, 0x08, 0x14)],
            [0f, 0.25f, 0.33f, 0.6f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRect(body, paint);
        canvas.DrawOval(new SKRect(body.Left, body.Bottom - 40, body.Right, body.Bottom + 40), paint);
        // Label band in white with a yellow star.
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(body.Left, 0), new SKPoint(body.Right, 0),
            [new SKColor(0xA0, 0xA0, 0xA8), new SKColor(0xFF, 0xFF, 0xFF), new SKColor(0xF0, 0xF0, 0xF4), new SKColor(0x90, 0x90, 0x98)],
            [0f, 0.3f, 0.6f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRect(SKRect.Create(body.Left, 330, body.Width, 200), paint);
        paint.Shader = null;
        paint.Color = new SKColor(0xFF, 0xC8, 0x2E);
        canvas.DrawPath(Star(250, 430, 80, 36), paint);
        // The lid and rim: silver ellipses.
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(body.Left, 0), new SKPoint(body.Right, 0),
            [new SKColor(0x80, 0x84, 0x8C), new SKColor(0xF4, 0xF6, 0xF8), new SKColor(0x9A, 0x9E, 0xA6)], [0f, 0.35f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawOval(new SKRect(body.Left - 6, 70, body.Right + 6, 150), paint);
        paint.Shader = null;
        paint.Color = new SKColor(0xB8, 0xBC, 0xC4);
        canvas.DrawOval(new SKRect(body.Left + 20, 84, body.Right - 20, 136), paint);
        paint.Color = new SKColor(0x70, 0x74, 0x7C);
        canvas.DrawRoundRect(SKRect.Create(220, 96, 70, 26), 12, 12, paint);
        return bitmap;
    }

    /// <summary>A leather handbag photographed on a light sweep: soft floor shadow, studio gradient, noise, 1200×1000.</summary>
    private static SKBitmap Handbag()
    {
        var bitmap = new SKBitmap(new SKImageInfo(1200, 1000, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        var random = new Random(1200);
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(600, 380), 900,
            [new SKColor(0xF6, 0xF4, 0xF1), new SKColor(0xC9, 0xC4, 0xBE)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, 1200, 1000, paint);
        paint.Shader = null;

        // Floor shadow.
        paint.Color = new SKColor(0x30, 0x28, 0x20, 0x80);
        paint.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 28);
        canvas.DrawOval(new SKRect(260, 790, 940, 890), paint);
        paint.MaskFilter = null;

        // Handle: a thick arc with a darker edge.
        using (var handle = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 34, StrokeCap = SKStrokeCap.Round })
        {
            handle.Color = new SKColor(0x5C, 0x30, 0x1C);
            canvas.DrawArc(new SKRect(420, 170, 780, 560), 180, 180, false, handle);
            handle.StrokeWidth = 22;
            handle.Color = new SKColor(0x8E, 0x4E, 0x2E);
            canvas.DrawArc(new SKRect(420, 170, 780, 560), 180, 180, false, handle);
        }
        // Body: a trapezoid with rounded corners, lit from the upper left.
        using (var bag = new SKPath())
        {
            bag.MoveTo(360, 380);
            bag.LineTo(840, 380);
            bag.QuadTo(870, 380, 880, 420);
            bag.LineTo(950, 800);
            bag.QuadTo(955, 850, 900, 850);
            bag.LineTo(300, 850);
            bag.QuadTo(245, 850, 250, 800);
            bag.LineTo(320, 420);
            bag.QuadTo(330, 380, 360, 380);
            bag.Close();
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(300, 380), new SKPoint(900, 850),
                [new SKColor(0xC2, 0x74, 0x44), new SKColor(0x9A, 0x52, 0x2C), new SKColor(0x5E, 0x30, 0x18)], [0f, 0.55f, 1f], SKShaderTileMode.Clamp);
            canvas.DrawPath(bag, paint);
            paint.Shader = null;
            // Flap and stitching.
            using var flap = new SKPath();
            flap.MoveTo(330, 400);
            flap.LineTo(870, 400);
            flap.LineTo(820, 580);
            flap.QuadTo(600, 640, 380, 580);
            flap.Close();
            paint.Color = new SKColor(0x80, 0x42, 0x22, 0xD0);
            canvas.DrawPath(flap, paint);
            using var stitch = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = 3,
                Color = new SKColor(0xE8, 0xC8, 0x98),
                PathEffect = SKPathEffect.CreateDash([14, 10], 0),
            };
            using var seam = new SKPath();
            seam.MoveTo(350, 420);
            seam.LineTo(850, 420);
            seam.LineTo(805, 565);
            seam.QuadTo(600, 620, 395, 565);
            seam.Close();
            canvas.DrawPath(seam, stitch);
        }
        // Gold clasp with a highlight.
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(560, 580), new SKPoint(640, 650),
            [new SKColor(0xFF, 0xE8, 0x9A), new SKColor(0xC8, 0x96, 0x2C), new SKColor(0x8A, 0x60, 0x14)], [0f, 0.5f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRoundRect(SKRect.Create(560, 580, 80, 64), 14, 14, paint);
        paint.Shader = null;
        AddNoise(bitmap, random, 10);
        return bitmap;
    }

    /// <summary>An amber dropper bottle on a beige radial backdrop with a contact shadow, 900×1200.</summary>
    private static SKBitmap Serum()
    {
        var bitmap = new SKBitmap(new SKImageInfo(900, 1200, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        var random = new Random(900);
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(450, 500), 850,
            [new SKColor(0xF4, 0xE6, 0xD2), new SKColor(0xD9, 0xC0, 0x9E), new SKColor(0xB8, 0x9A, 0x76)], [0f, 0.6f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, 900, 1200, paint);
        paint.Shader = null;

        paint.Color = new SKColor(0x40, 0x2C, 0x18, 0x90);
        paint.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 22);
        canvas.DrawOval(new SKRect(270, 960, 700, 1040), paint);
        paint.MaskFilter = null;

        // Glass body: amber, darker at the edges, a vertical highlight.
        var glass = SKRect.Create(300, 520, 300, 480);
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(glass.Left, 0), new SKPoint(glass.Right, 0),
            [new SKColor(0x6A, 0x32, 0x08), new SKColor(0xC8, 0x74, 0x20), new SKColor(0xE8, 0x9A, 0x3C), new SKColor(0x8A, 0x44, 0x0C)],
            [0f, 0.35f, 0.5f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRoundRect(glass, 46, 46, paint);
        canvas.DrawRoundRect(SKRect.Create(390, 470, 120, 80), 16, 16, paint);
        paint.Shader = null;
        paint.Color = new SKColor(0xFF, 0xFF, 0xFF, 0x70);
        canvas.DrawRoundRect(SKRect.Create(340, 560, 26, 400), 13, 13, paint);
        // Label.
        paint.Color = new SKColor(0xFA, 0xF6, 0xEE);
        canvas.DrawRect(SKRect.Create(300, 680, 300, 200), paint);
        paint.Color = new SKColor(0xB8, 0x8A, 0x4A);
        canvas.DrawRect(SKRect.Create(340, 730, 220, 12), paint);
        canvas.DrawRect(SKRect.Create(370, 770, 160, 8), paint);
        canvas.DrawRect(SKRect.Create(370, 800, 160, 8), paint);
        canvas.DrawCircle(450, 845, 12, paint);
        // Collar and dropper bulb.
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(370, 0), new SKPoint(530, 0),
            [new SKColor(0x18, 0x18, 0x1A), new SKColor(0x6A, 0x6A, 0x70), new SKColor(0x10, 0x10, 0x12)], [0f, 0.35f, 1f], SKShaderTileMode.Clamp);
        canvas.DrawRoundRect(SKRect.Create(370, 390, 160, 100), 12, 12, paint);
        canvas.DrawRoundRect(SKRect.Create(400, 200, 100, 210), 50, 50, paint);
        paint.Shader = null;
        AddNoise(bitmap, random, 8);
        return bitmap;
    }

    private static void PigFigure(SKCanvas canvas, float cx, float top, float scale)
    {
        canvas.Save();
        canvas.Translate(cx - (400 * scale), top);
        canvas.Scale(scale);
        var pink = new SKColor(0xF7, 0xA8, 0xB8);
        var light = new SKColor(0xFF, 0xD6, 0xDE);
        var dark = new SKColor(0xE0, 0x7A, 0x92);
        // Feet, body, arms.
        Fill(canvas, dark, Oval(300, 930, 70, 45));
        Fill(canvas, dark, Oval(500, 930, 70, 45));
        Fill(canvas, pink, Oval(400, 730, 250, 230));
        Fill(canvas, light, Oval(400, 770, 150, 140));
        using (var heart = new SKPath())
        {
            heart.MoveTo(400, 830);
            heart.CubicTo(320, 770, 340, 700, 400, 730);
            heart.CubicTo(460, 700, 480, 770, 400, 830);
            heart.Close();
            Fill(canvas, new SKColor(0xFF, 0x6E, 0x8A), heart);
        }
        Fill(canvas, pink, Oval(160, 690, 55, 80));
        Fill(canvas, pink, Oval(640, 690, 55, 80));
        // Ears, head, snout.
        Fill(canvas, pink, Triangle(180, 120, 330, 190, 220, 310));
        Fill(canvas, pink, Triangle(620, 120, 470, 190, 580, 310));
        Fill(canvas, pink, Oval(400, 350, 260, 220));
        Fill(canvas, dark, Oval(400, 420, 90, 60));
        Fill(canvas, new SKColor(0x8A, 0x3A, 0x4E), Oval(370, 420, 16, 24));
        Fill(canvas, new SKColor(0x8A, 0x3A, 0x4E), Oval(430, 420, 16, 24));
        Eyes(canvas, 300, 320, 500, 320, 30, 40, Ink);
        Blush(canvas, 235, 420, 565, 420);
        Smile(canvas, 400, 500, 26);
        canvas.Restore();
    }

    private static void Eyes(SKCanvas canvas, float lx, float ly, float rx, float ry, float w, float h, SKColor iris)
    {
        foreach (var x in new[] { lx, rx })
        {
            var y = x == lx ? ly : ry;
            Fill(canvas, iris, Oval(x, y, w, h));
            using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
            canvas.DrawOval(x - (w * 0.35f), y - (h * 0.4f), w * 0.32f, h * 0.28f, white);
            canvas.DrawOval(x + (w * 0.35f), y + (h * 0.45f), w * 0.15f, h * 0.12f, white);
        }
    }

    private static void Blush(SKCanvas canvas, float lx, float ly, float rx, float ry)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0xFF, 0x7A, 0x8E, 0x90) };
        paint.MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 6);
        canvas.DrawOval(lx, ly, 34, 18, paint);
        canvas.DrawOval(rx, ry, 34, 18, paint);
    }

    private static void Smile(SKCanvas canvas, float cx, float cy, float r)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Line, StrokeCap = SKStrokeCap.Round, Color = Ink };
        canvas.DrawArc(new SKRect(cx - r, cy - r, cx + r, cy + r), 20, 140, false, paint);
    }

    /// <summary>Fills a shape in a flat colour and outlines it in ink, the webtoon way.</summary>
    private static void Fill(SKCanvas canvas, SKColor color, SKPath path)
    {
        using (path)
        using (var fill = new SKPaint { IsAntialias = true, Color = color })
        using (var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Line, StrokeJoin = SKStrokeJoin.Round, Color = Ink })
        {
            canvas.DrawPath(path, fill);
            canvas.DrawPath(path, stroke);
        }
    }

    private static SKPath Oval(float cx, float cy, float rx, float ry)
    {
        var path = new SKPath();
        path.AddOval(new SKRect(cx - rx, cy - ry, cx + rx, cy + ry));
        return path;
    }

    private static SKPath Rect(float l, float t, float r, float b)
    {
        var path = new SKPath();
        path.AddRect(new SKRect(l, t, r, b));
        return path;
    }

    private static SKPath RoundRect(float l, float t, float r, float b, float radius)
    {
        var path = new SKPath();
        path.AddRoundRect(new SKRect(l, t, r, b), radius, radius);
        return path;
    }

    private static SKPath Triangle(float x1, float y1, float x2, float y2, float x3, float y3)
    {
        var path = new SKPath();
        path.MoveTo(x1, y1);
        path.LineTo(x2, y2);
        path.LineTo(x3, y3);
        path.Close();
        return path;
    }

    private static SKPath Star(float cx, float cy, float outer, float inner)
    {
        var path = new SKPath();
        for (var k = 0; k < 10; k++)
        {
            var r = k % 2 == 0 ? outer : inner;
            var a = (Math.PI / 5 * k) - (Math.PI / 2);
            var p = new SKPoint(cx + (float)(r * Math.Cos(a)), cy + (float)(r * Math.Sin(a)));
            if (k == 0)
            {
                path.MoveTo(p);
            }
            else
            {
                path.LineTo(p);
            }
        }
        path.Close();
        return path;
    }

    /// <summary>Seeded per-pixel luminance noise, like a camera sensor's: the same picture every run.</summary>
    private static void AddNoise(SKBitmap bitmap, Random random, int amplitude)
    {
        var pixels = bitmap.Pixels;
        for (var k = 0; k < pixels.Length; k++)
        {
            var n = random.Next(-amplitude, amplitude + 1);
            var c = pixels[k];
            pixels[k] = new SKColor(Clamp(c.Red + n), Clamp(c.Green + n), Clamp(c.Blue + n), c.Alpha);
        }
        bitmap.Pixels = pixels;
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
