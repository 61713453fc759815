using SkiaSharp;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Goods.DieCut;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>
/// What a template draws with. Templates work in a 1000×1000 design space centred on the canvas
/// (<see cref="EnterDesignSpace"/>); the backdrop is drawn across the whole canvas first.
/// </summary>
internal sealed class GoodsScene(SKCanvas canvas, int width, int height, CutoutImage art, SKImage artImage, GoodsColor color, Random random)
{
    public const float Design = 1000f;

    /// <summary>Transparent pixels around the artwork in <see cref="ArtImage"/>, so mesh edges stay clean.</summary>
    public const int ArtPad = 2;

    public SKCanvas Canvas { get; } = canvas;
    public int Width { get; } = width;
    public int Height { get; } = height;
    public CutoutImage Art { get; } = art;
    public SKImage ArtImage { get; } = artImage;
    public GoodsColor Color { get; } = color;
    public SKColor Product { get; } = SKColor.Parse(color.Hex);
    public Random Random { get; } = random;

    /// <summary>ArtImage pixels per artwork pixel (the artwork is pre-sized for the canvas).</summary>
    public float ArtScale => (ArtImage.Width - 2f * ArtPad) / Art.Width;

    /// <summary>Draws the artwork in artwork-pixel coordinates (the space of <see cref="DieCut"/>).</summary>
    public void DrawArtInArtSpace()
    {
        Canvas.Save();
        Canvas.Scale(1f / ArtScale);
        Canvas.DrawImage(ArtImage, -ArtPad, -ArtPad, new SKSamplingOptions(SKFilterMode.Linear));
        Canvas.Restore();
    }

    /// <summary>Draws the artwork into <paramref name="dest"/> (design space).</summary>
    public void DrawArt(SKRect dest) => Canvas.DrawImage(ArtImage, dest, new SKSamplingOptions(SKFilterMode.Linear));

    /// <summary>The die-cut shape around the artwork, set by the renderer for die-cut types (art pixels).</summary>
    public DieCutShape? DieCut { get; init; }

    /// <summary>Canvas pixels per design unit.</summary>
    public float Scale => Math.Min(Width, Height) / Design;

    /// <summary>Maps the 1000×1000 design square to the centre of the canvas. Pair with <c>Canvas.Restore()</c>.</summary>
    public void EnterDesignSpace()
    {
        Canvas.Save();
        Canvas.Concat(DesignToCanvas(Width, Height));
    }

    /// <summary>The design-space → canvas mapping for a canvas of this size.</summary>
    public static SKMatrix DesignToCanvas(int width, int height)
    {
        var scale = Math.Min(width, height) / Design;
        return new SKMatrix(scale, 0, (width - Design * scale) / 2f, 0, scale, (height - Design * scale) / 2f, 0, 0, 1);
    }

    /// <summary>The largest rectangle of the artwork's aspect that fits in <paramref name="box"/>, centred (bottom-aligned when asked).</summary>
    public SKRect FitArt(SKRect box, bool alignBottom = false) => Fit.Contain(ArtImage.Width, ArtImage.Height, box, alignBottom);
}
