using SkiaSharp;
using ToonStudio.Imaging.Cutout;

namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// Removes the character from its own scene before the scene becomes the background (else a blurred giant
/// copy of the character stands behind it): each subject pixel is replaced by interpolating, along its row,
/// between the nearest scene pixels left and right. Crude, but the result is blurred heavily anyway.
/// </summary>
internal static class SceneFill
{
    /// <param name="scene">A premultiplied, opaque copy of the source at some scale, modified in place.</param>
    public static void RemoveSubject(SKBitmap scene, CutoutImage subject, int sourceWidth, int sourceHeight)
    {
        int w = scene.Width, h = scene.Height;
        var sx = (float)sourceWidth / w;
        var sy = (float)sourceHeight / h;
        var alpha = subject.Subject.GetPixelSpan();
        var pixels = scene.GetPixelSpan();
        var inside = new bool[w];
        for (var y = 0; y < h; y++)
        {
            var ay = (int)((y + 0.5f) * sy) - subject.Bounds.Top;
            for (var x = 0; x < w; x++)
            {
                var ax = (int)((x + 0.5f) * sx) - subject.Bounds.Left;
                inside[x] = ax >= 0 && ay >= 0 && ax < subject.Width && ay < subject.Height
                    && alpha[(ay * subject.Width + ax) * 4 + 3] > 0;
            }

            FillRow(pixels.Slice(y * w * 4, w * 4), inside);
        }
    }

    private static void FillRow(Span<byte> row, bool[] inside)
    {
        var w = inside.Length;
        var x = 0;
        while (x < w)
        {
            if (!inside[x])
            {
                x++;
                continue;
            }

            var start = x;
            while (x < w && inside[x])
            {
                x++;
            }

            // Grow the gap by three pixels each side: the cut edge still carries the outline's colour.
            var left = start - 4;
            var right = x + 3;
            for (var i = Math.Max(0, start - 3); i < Math.Min(w, x + 3); i++)
            {
                var t = (float)(i - left) / (right - left);
                for (var c = 0; c < 3; c++)
                {
                    var a = left >= 0 ? row[left * 4 + c] : (right < w ? row[right * 4 + c] : (byte)128);
                    var b = right < w ? row[right * 4 + c] : a;
                    row[i * 4 + c] = (byte)(a + (b - a) * t);
                }

                row[i * 4 + 3] = 255;
            }
        }
    }
}
