using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Ppl;

/// <summary>Where the character and the product land on the canvas, and how the scene is lit.</summary>
internal sealed record PplPlacement(
    PplLayoutKind Kind,
    SKRect Character,
    SKRect Product,
    bool LightFromLeft,
    float FloorY,
    float? TableTop)
{
    /// <summary>Anchors per layout (docs/mockups.md "Composites"), product height as a ratio of the character's, jittered by the seed.</summary>
    public static PplPlacement Create(PplLayoutKind kind, int w, int h, float charAspect, float productAspect, Random random)
    {
        var lightFromLeft = random.Next(2) == 0;
        var side = kind switch
        {
            PplLayoutKind.Left => -1,
            PplLayoutKind.Right => 1,
            _ => random.Next(2) == 0 ? -1 : 1,
        };
        // Horizontal offsets in a unit that does not run away on very wide canvases.
        var unit = Math.Min(w, h * 1.25f);
        var floorY = h * 0.89f;
        var charH = h * random.Range(0.70f, 0.76f);
        var charW = Math.Min(charH * charAspect, unit * 0.55f);
        charH = charW / charAspect;

        switch (kind)
        {
            case PplLayoutKind.Holding:
                {
                    var cx = w / 2f - side * unit * 0.05f;
                    var character = Box(cx, floorY, charW, charH);
                    var (pw, ph) = Fit(charH * random.Range(0.28f, 0.36f), productAspect, charW * 0.7f);
                    // The hand zone: 55–65 % down the character, at its side.
                    var px = cx + side * charW * random.Range(0.30f, 0.40f);
                    var pBottom = character.Top + charH * random.Range(0.55f, 0.65f) + ph * 0.5f;
                    return new(kind, character, Box(px, pBottom, pw, ph), lightFromLeft, floorY, null);
                }

            case PplLayoutKind.OnTable:
                {
                    var tableTop = h * 0.70f;
                    var cx = w / 2f - side * unit * 0.10f;
                    var character = Box(cx, h * 0.98f, charW * 1.08f, charH * 1.08f);
                    var (pw, ph) = Fit(charH * random.Range(0.38f, 0.46f), productAspect, unit * 0.38f);
                    var px = cx + side * (charW * 0.5f + pw * 0.25f + unit * 0.04f);
                    return new(kind, character, Box(px, tableTop + h * 0.07f, pw, ph), lightFromLeft, floorY, tableTop);
                }

            case PplLayoutKind.Background:
                {
                    var (pw, ph) = Fit(h * random.Range(0.66f, 0.80f), productAspect, unit * 0.6f);
                    var px = w / 2f + side * unit * 0.17f;
                    var product = Box(px, floorY - h * 0.05f, pw, ph);
                    var character = Box(w / 2f - side * unit * 0.16f, floorY, charW, charH);
                    return new(kind, character, product, lightFromLeft, floorY, null);
                }

            default:
                {
                    var (pw, ph) = Fit(charH * random.Range(0.45f, 0.60f), productAspect, unit * 0.42f);
                    var gap = unit * random.Range(0.01f, 0.04f);
                    var left = w / 2f - (charW + gap + pw) / 2f;
                    var charCx = side > 0 ? left + charW / 2f : left + pw + gap + charW / 2f;
                    var prodCx = side > 0 ? left + charW + gap + pw / 2f : left + pw / 2f;
                    var character = Box(charCx, floorY, charW, charH);
                    return new(kind, character, Box(prodCx, floorY + h * 0.012f, pw, ph), lightFromLeft, floorY, null);
                }
        }
    }

    private static (float W, float H) Fit(float height, float aspect, float maxWidth)
    {
        var width = height * aspect;
        return width <= maxWidth ? (width, height) : (maxWidth, maxWidth / aspect);
    }

    private static SKRect Box(float cx, float bottom, float width, float height) =>
        new(cx - width / 2f, bottom - height, cx + width / 2f, bottom);
}
