using SkiaSharp;

namespace ToonStudio.Imaging.Goods.DieCut;

/// <summary>
/// A conservative low-resolution mask: a cell is set when any artwork pixel it covers has any alpha, so
/// a line drawn around the mask can never cut through the artwork.
/// </summary>
internal static class CoverageMask
{
    public static bool[] Build(SKBitmap unpremul, float scale, int pad, out int width, out int height)
    {
        var cw = (int)Math.Ceiling(unpremul.Width * scale);
        var ch = (int)Math.Ceiling(unpremul.Height * scale);
        width = cw + 2 * pad;
        height = ch + 2 * pad;
        var mask = new bool[width * height];
        var pixels = unpremul.GetPixelSpan();
        var stride = unpremul.Width * 4;
        for (var y = 0; y < unpremul.Height; y++)
        {
            var row = pixels.Slice(y * stride, stride);
            var my = (int)(y * scale) + pad;
            for (var x = 0; x < unpremul.Width; x++)
            {
                if (row[x * 4 + 3] != 0)
                {
                    mask[my * width + (int)(x * scale) + pad] = true;
                }
            }
        }

        return mask;
    }
}
