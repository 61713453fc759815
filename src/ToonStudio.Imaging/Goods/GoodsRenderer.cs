using SkiaSharp;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Goods.DieCut;
using ToonStudio.Imaging.Goods.Print;
using ToonStudio.Imaging.Layout;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>
/// The local goods engine: cuts the character out, draws the type's template mockup at the requested
/// aspect ratio and writes the print files. Stateless and thread-safe; the same request gives the same bytes.
/// </summary>
public sealed class GoodsRenderer
{
    public GoodsRendering Render(GoodsRequest request)
    {
        var (type, template, color, w, h) = Resolve(request);
        using var art = Cutter.Cut(request.Character);
        var dieCut = template.Print == PrintLayout.DieCut ? DieCutShape.Build(art, template.CutBorder, template.CutTab) : null;
        var mockup = RenderMockup(template, art, dieCut, color, w, h, request.Seed, request.Format);
        var prints = PrintFileWriter.Create(type, template, art, dieCut, color);
        return new GoodsRendering(mockup, prints);
    }

    /// <summary>The mockup alone, without print files (benchmarks and previews).</summary>
    internal static EncodedImage RenderMockup(GoodsRequest request)
    {
        var (_, template, color, w, h) = Resolve(request);
        using var art = Cutter.Cut(request.Character);
        var dieCut = template.Print == PrintLayout.DieCut ? DieCutShape.Build(art, template.CutBorder, template.CutTab) : null;
        return RenderMockup(template, art, dieCut, color, w, h, request.Seed, request.Format);
    }

    private static (GoodsTypeInfo Type, IGoodsTemplate Template, GoodsColor Color, int W, int H) Resolve(GoodsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = GoodsCatalog.Find(request.GoodsType)
            ?? throw new ArgumentException($"Unknown goods type '{request.GoodsType}'.", nameof(request));
        var color = PickColor(type, request.Color);
        // Goods have no input frame to match: match_input_image means the type's own default.
        var aspect = request.AspectRatio == OutputCatalogue.MatchInput ? type.DefaultAspectRatio : request.AspectRatio;
        var (w, h) = CanvasSize.For(aspect, 1, 1);
        return (type, GoodsTemplates.For(type.Id), color, w, h);
    }

    internal static EncodedImage RenderMockup(
        IGoodsTemplate template, CutoutImage art, DieCutShape? dieCut, GoodsColor color, int w, int h, long seed, OutputFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var artImage = Padded(art, Math.Max(w, h));
        var scene = new GoodsScene(surface.Canvas, w, h, art, artImage, color, SeededRandom.For(seed, 17)) { DieCut = dieCut };
        template.Draw(scene);
        using var snapshot = surface.Snapshot();
        return ImageCodec.Encode(snapshot, format, EncodeProfile.Compact);
    }

    private static GoodsColor PickColor(GoodsTypeInfo type, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return type.Colors[0];
        }

        foreach (var c in type.Colors)
        {
            if (string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        throw new ArgumentException($"Unknown colour '{id}' for {type.Id}.", nameof(id));
    }

    /// <summary>
    /// The artwork sized for a ~1 MP canvas (no template draws it larger than ~750 px) with a transparent
    /// margin, so every draw is near 1:1 and mesh edges fade out cleanly.
    /// </summary>
    private static SKImage Padded(CutoutImage art, int canvasEdge)
    {
        var pad = GoodsScene.ArtPad;
        using var full = art.ToImage();
        using var sized = Resize.Within(full, (int)(canvasEdge * 0.8f));
        var info = new SKImageInfo(sized.Width + 2 * pad, sized.Height + 2 * pad, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        surface.Canvas.DrawImage(sized, pad, pad);
        return surface.Snapshot();
    }
}
