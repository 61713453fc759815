using SkiaSharp;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Cutout;

public class CutterTests
{
    public static TheoryData<SyntheticBackground, bool, int> Cases() => new()
    {
        { SyntheticBackground.Flat, true, 0 },
        { SyntheticBackground.Flat, false, 0 },
        { SyntheticBackground.Gradient, true, 0 },
        { SyntheticBackground.Gradient, false, 0 },
        { SyntheticBackground.Noisy, true, 0 },
        { SyntheticBackground.Noisy, false, 0 },
        { SyntheticBackground.Gradient, true, 70 },
        { SyntheticBackground.Noisy, false, 70 },
        { SyntheticBackground.PhotoStudio, false, 70 },
        { SyntheticBackground.Outdoor, true, 85 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cut_FigureOnBackground_MatchesKnownMaskWithIoUAbove95(SyntheticBackground background, bool outlined, int jpegQuality)
    {
        var scene = SyntheticScene.Create(480, 560, background, outlined, seed: 3);
        var encoded = jpegQuality > 0 ? scene.EncodeJpeg(jpegQuality) : scene.EncodePng();

        using var cut = Cutter.Cut(encoded);
        var iou = SyntheticScene.IoU(scene.Mask, scene.Width, cut);

        Assert.True(iou >= 0.95, $"IoU {iou:F3} on {background} (outlined {outlined}, q{jpegQuality})");
    }

    [Fact]
    public void Cut_FigureInAScene_ReportsASceneBackground()
    {
        var scene = SyntheticScene.Create(480, 560, SyntheticBackground.Outdoor, true, seed: 5);
        using var flat = Cutter.Cut(SyntheticScene.Create(480, 560, SyntheticBackground.Flat, true, seed: 5).EncodePng());
        using var outdoor = Cutter.Cut(scene.EncodePng());

        Assert.True(outdoor.BackgroundSpread > Cutter.SceneSpread, $"outdoor spread {outdoor.BackgroundSpread:F1}");
        Assert.True(flat.BackgroundSpread < Cutter.SceneSpread, $"flat spread {flat.BackgroundSpread:F1}");
    }

    [Fact]
    public void Cut_ImageWithAlpha_KeepsItsAlphaAndTrimsToContent()
    {
        using var cut = Cutter.Cut(TestImages.TransparentCharacter(300, 400));

        Assert.True(cut.HadAlpha);
        Assert.InRange(cut.Width, 160, 175);
        Assert.InRange(cut.Height, 318, 330);
    }

    [Fact]
    public void Cut_OpenHoles_ClearsBackgroundEnclosedByTheSubject()
    {
        // A ring: its hole is background the border flood cannot reach.
        using var surface = SKSurface.Create(new SKImageInfo(300, 300));
        surface.Canvas.Clear(new SKColor(0xF2, 0xF2, 0xF0));
        using var ring = new SKPaint { Color = new SKColor(0x90, 0x40, 0x20), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 30 };
        surface.Canvas.DrawCircle(150, 150, 90, ring);
        var bytes = TestImages.Encode(surface, SKEncodedImageFormat.Png);

        using var kept = Cutter.Cut(bytes);
        using var opened = Cutter.Cut(bytes, openHoles: true);

        Assert.Equal(255, AlphaAt(kept, 150, 150));
        Assert.Equal(0, AlphaAt(opened, 150, 150));
    }

    private static byte AlphaAt(CutoutImage cut, int x, int y) =>
        cut.Subject.GetPixelSpan()[((y - cut.Bounds.Top) * cut.Width + (x - cut.Bounds.Left)) * 4 + 3];
}
