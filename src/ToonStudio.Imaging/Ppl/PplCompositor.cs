using SkiaSharp;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Cutout;
using ToonStudio.Imaging.Layout;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// The local PPL engine: both inputs cut out and staged on a canvas of the requested aspect ratio, with a
/// background from the inputs, a layout from the prompt and the seed, shadows and colour harmony.
/// Stateless and thread-safe; the same request always gives the same bytes.
/// </summary>
public sealed class PplCompositor
{
    public EncodedImage Compose(PplRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CanvasSize.IsKnown(request.AspectRatio))
        {
            throw new ArgumentException($"Unknown aspect ratio '{request.AspectRatio}'.", nameof(request));
        }

        var random = SeededRandom.For(request.Seed);
        using var characterSource = PixelOps.Decode(request.Character);
        using var character = Cutter.Cut(characterSource);
        using var product = Cutter.Cut(request.Product, openHoles: true);
        var (w, h) = CanvasSize.For(request.AspectRatio, characterSource.Width, characterSource.Height);

        var kind = PplLayoutPicker.Pick(request.Prompt, random);
        var placement = PplPlacement.Create(
            kind, w, h, (float)character.Width / character.Height, (float)product.Width / product.Height, random);
        var scene = PplBackground.IsScene(character);
        if (scene)
        {
            // A real scene has a light of its own: match the shadows and rims to its brighter side.
            placement = placement with { LightFromLeft = PplBackground.LitFromLeft(characterSource) };
        }

        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var characterStats = LabStats.Of(character.Subject);
        var productStats = LabStats.Of(product.Subject);
        var scenePalette = PplBackground.Draw(canvas, w, h, characterSource, character, characterStats, productStats, scene);

        using var characterFull = character.ToImage();
        using var characterImage = Resize.To(characterFull, (int)Math.Ceiling(placement.Character.Width), (int)Math.Ceiling(placement.Character.Height));
        using var productImage = PrepareProduct(product, placement.Product, productStats, scenePalette);
        PplStage.Draw(canvas, placement, characterImage, productImage, w, h, random);

        using var snapshot = surface.Snapshot();
        return ImageCodec.Encode(snapshot, request.Format, EncodeProfile.Compact);
    }

    /// <summary>The product at the size it is drawn, its colour and light pulled toward the scene.</summary>
    private static SKImage PrepareProduct(CutoutImage product, SKRect dest, LabStats productStats, LabStats scene)
    {
        using var full = product.ToImage();
        using var sizedImage = Resize.To(full, (int)Math.Ceiling(dest.Width), (int)Math.Ceiling(dest.Height));
        using var sized = SKBitmap.FromImage(sizedImage);
        ColorHarmony.Apply(sized, productStats, scene);
        return SKImage.FromBitmap(sized);
    }
}
