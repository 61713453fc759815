using SkiaSharp;
using ToonStudio.Imaging.Rendering;


namespace ToonStudio.Imaging.Cutout;

/// <summary>
/// Cuts the subject out of an image: its own alpha when it has one, else the background estimated
/// from the border; feathered by a pixel and trimmed to the content box.
/// </summary>
internal static class Cutter
{
    // The mask is found at this size at most and scaled up bilinearly (which also feathers it): the
    // edge lands within a pixel or two of the full-size answer, at a fraction of the cost.
    private const int MaskMaxEdge = 640;

    /// <summary>Border spread (Lab) above which the picture is a scene rather than a backdrop.</summary>
    public const float SceneSpread = 9f;

    /// <param name="openHoles">Also clear enclosed background (products: a handle's hole), see <see cref="BackgroundHoles"/>.</param>
    public static CutoutImage Cut(ReadOnlyMemory<byte> encoded, bool openHoles = false)
    {
        using var source = PixelOps.Decode(encoded);
        return Cut(source, openHoles);
    }

    public static CutoutImage Cut(SKBitmap source, bool openHoles = false)
    {
        if (AlphaMask.HasUsefulAlpha(source))
        {
            return Trim(PixelOps.Copy(source), SKColors.Transparent, 0f, hadAlpha: true);
        }

        var scale = Math.Min(1f, (float)MaskMaxEdge / Math.Max(source.Width, source.Height));
        using var work = Resize.Smoothed(source, scale);
        var lab = LabImage.From(work);
        var border = BorderStatistics.Measure(lab);
        var mask = BackgroundFlood.SubjectMask(lab, border);
        if (openHoles)
        {
            BackgroundHoles.Clear(mask, lab, border, Math.Max(24, work.Width * work.Height / 400));
        }

        MaskOps.RemoveSpecks(mask, work.Width, work.Height, Math.Max(16, work.Width * work.Height / 2000));
        if (border.Spread > SceneSpread)
        {
            // In a busy scene the flood stops at every object (trees, furniture); the character is the
            // big one. On a plain backdrop every island is artwork and stays.
            MaskOps.KeepLargest(mask, work.Width, work.Height, 0.2f);
        }

        var feathered = MaskOps.Feather(mask, work.Width, work.Height);
        var output = AlphaMask.Apply(source, feathered, work.Width, work.Height);
        var bg = BackgroundColor(border);
        AlphaMask.Decontaminate(output, bg);
        return Trim(output, bg, border.Spread, hadAlpha: false);
    }

    private static SKColor BackgroundColor(BorderStatistics border) => LabColor.ToSk(border.L, border.A, border.B);

    private static CutoutImage Trim(SKBitmap cut, SKColor bg, float spread, bool hadAlpha)
    {
        var box = AlphaMask.ContentBox(cut);
        if (box.Width == cut.Width && box.Height == cut.Height)
        {
            return new CutoutImage(cut, box, bg, spread, hadAlpha);
        }

        var trimmed = new SKBitmap(new SKImageInfo(box.Width, box.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var from = cut.GetPixelSpan();
        var to = trimmed.GetPixelSpan();
        var rowBytes = box.Width * 4;
        for (var y = 0; y < box.Height; y++)
        {
            from.Slice(((box.Top + y) * cut.Width + box.Left) * 4, rowBytes).CopyTo(to.Slice(y * rowBytes, rowBytes));
        }

        cut.Dispose();
        return new CutoutImage(trimmed, box, bg, spread, hadAlpha);
    }
}
