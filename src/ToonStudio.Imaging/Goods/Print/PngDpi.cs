using System.Buffers.Binary;

namespace ToonStudio.Imaging.Goods.Print;

/// <summary>
/// Writes the resolution into a PNG as a <c>pHYs</c> chunk (pixels per metre). Skia's PNG encoder does
/// not write one, and printers read the physical size from it.
/// </summary>
internal static class PngDpi
{
    private const int SignatureLength = 8;

    public static byte[] WithDpi(byte[] png, double dpi)
    {
        var ppm = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), ppm);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), ppm);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32.Compute(chunk.AsSpan(4, 13)));

        // pHYs must come before the first IDAT; right after IHDR is always valid.
        var ihdrLength = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(SignatureLength));
        var insertAt = SignatureLength + 12 + ihdrLength;
        var output = new byte[png.Length + chunk.Length];
        png.AsSpan(0, insertAt).CopyTo(output);
        chunk.CopyTo(output.AsSpan(insertAt));
        png.AsSpan(insertAt).CopyTo(output.AsSpan(insertAt + chunk.Length));
        return output;
    }
}
