using SkiaSharp;
using ToonStudio.Imaging.Rendering;

namespace ToonStudio.Imaging.Goods;

/// <summary>
/// Prints the artwork onto cloth: a mesh displaced along the fold field's gradient (docs/mockups.md "Fabric"),
/// with an optional pillow bulge that pulls the print toward the centre near the edges.
/// </summary>
internal static class FabricPrint
{
    public static void Draw(SKCanvas canvas, SKImage art, SKRect dest, FoldField field, float amount, float bulge = 0f, SKRect? bulgeArea = null)
    {
        var area = bulgeArea ?? dest;
        MeshWarp.Draw(canvas, art, 24, 24, (u, v) =>
        {
            var x = dest.Left + u * dest.Width;
            var y = dest.Top + v * dest.Height;
            var g = field.Gradient(x, y);
            x += g.X * amount;
            y += g.Y * amount;
            if (bulge > 0f)
            {
                // Toward the seams the cloth turns away from the camera: positions compress toward the centre.
                var nx = (x - area.MidX) / (area.Width / 2f);
                var ny = (y - area.MidY) / (area.Height / 2f);
                x -= nx * nx * nx * bulge * area.Width * 0.5f * (1f - 0.5f * ny * ny);
                y -= ny * ny * ny * bulge * area.Height * 0.5f * (1f - 0.5f * nx * nx);
            }

            return new SKPoint(x, y);
        });
    }
}
