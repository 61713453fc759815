using SkiaSharp;

namespace ToonStudio.Imaging.Rendering;

/// <summary>
/// Draws an image through a grid mesh (docs/mockups.md "Warps"): the rasteriser samples the texture, so a
/// warp costs a few thousand vertices instead of a per-pixel loop. Vertex colours modulate the image,
/// which is how a warp also carries its shading (a cylinder darkening toward its edges).
/// </summary>
internal static class MeshWarp
{
    public delegate SKPoint Map(float u, float v);

    public delegate SKColor Shade(float u, float v);

    /// <param name="visible">Cells whose four corners are all invisible are skipped (the back of a mug).</param>
    public static void Draw(SKCanvas canvas, SKImage image, int cols, int rows, Map map, Shade? shade = null, Func<float, float, bool>? visible = null, byte opacity = 255)
    {
        var positions = new SKPoint[(cols + 1) * (rows + 1)];
        var texture = new SKPoint[positions.Length];
        var colors = new SKColor[positions.Length];
        var show = new bool[positions.Length];
        for (var j = 0; j <= rows; j++)
        {
            for (var i = 0; i <= cols; i++)
            {
                float u = (float)i / cols, v = (float)j / rows;
                var k = j * (cols + 1) + i;
                positions[k] = map(u, v);
                texture[k] = new SKPoint(u * image.Width, v * image.Height);
                colors[k] = (shade?.Invoke(u, v) ?? SKColors.White).WithAlpha(opacity);
                show[k] = visible?.Invoke(u, v) ?? true;
            }
        }

        var indices = new List<ushort>(cols * rows * 6);
        for (var j = 0; j < rows; j++)
        {
            for (var i = 0; i < cols; i++)
            {
                var a = j * (cols + 1) + i;
                int b = a + 1, c = a + cols + 1, d = c + 1;
                if (!(show[a] || show[b] || show[c] || show[d]))
                {
                    continue;
                }

                indices.AddRange([(ushort)a, (ushort)b, (ushort)c, (ushort)b, (ushort)d, (ushort)c]);
            }
        }

        // Without shading the colours are left out: Skia then skips the per-vertex colour blend entirely.
        var shaded = shade is not null || opacity != 255;
        using var vertices = SKVertices.CreateCopy(SKVertexMode.Triangles, positions, texture, shaded ? colors : null, [.. indices]);
        using var shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, new SKSamplingOptions(SKFilterMode.Linear));
        using var paint = new SKPaint { Shader = shader, IsAntialias = true };
        canvas.DrawVertices(vertices, SKBlendMode.Modulate, paint);
    }
}
