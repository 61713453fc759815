using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>Aspect-preserving placement of one rectangle in another.</summary>
internal static class Fit
{
    /// <summary>The largest <paramref name="width"/>:<paramref name="height"/> rectangle inside <paramref name="box"/>, centred (or standing on its bottom).</summary>
    public static SKRect Contain(float width, float height, SKRect box, bool alignBottom = false)
    {
        var aspect = width / height;
        var w = box.Width;
        var h = w / aspect;
        if (h > box.Height)
        {
            h = box.Height;
            w = h * aspect;
        }

        var top = alignBottom ? box.Bottom - h : box.MidY - h / 2f;
        return new SKRect(box.MidX - w / 2f, top, box.MidX + w / 2f, top + h);
    }

    /// <summary>The matrix that maps <paramref name="content"/> into <paramref name="box"/>, contained and centred.</summary>
    public static SKMatrix Matrix(SKRect content, SKRect box)
    {
        var scale = Math.Min(box.Width / content.Width, box.Height / content.Height);
        return new SKMatrix(scale, 0, box.MidX - content.MidX * scale, 0, scale, box.MidY - content.MidY * scale, 0, 0, 1);
    }
}
