using System.Buffers.Binary;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>
/// Tiny JPEGs by hand (16×16, flat grey), for what SkiaSharp's encoder never writes: grayscale, CMYK/YCCK (Adobe
/// APP14), progressive scans, 12-bit and arithmetic-coded frames. One-symbol Huffman tables keep the entropy data
/// trivial: every block is "DC difference 0, end of block".
/// </summary>
internal static class MiniJpeg
{
    /// <param name="components">1 (grey), 3 (YCbCr) or 4 (CMYK / YCCK).</param>
    /// <param name="sof">0xC0 baseline, 0xC2 progressive; others (0xC1 12-bit, 0xC9 arithmetic, 0xC3 lossless) to be refused.</param>
    /// <param name="adobeTransform">APP14 transform: 0 = CMYK/RGB, 2 = YCCK; null writes no APP14.</param>
    public static byte[] Image(int components, int sof = 0xC0, int? adobeTransform = null, int precision = 8)
    {
        using var s = new MemoryStream();
        s.Write([0xFF, 0xD8]);
        if (adobeTransform is { } transform)
        {
            Segment(s, 0xEE, [(byte)'A', (byte)'d', (byte)'o', (byte)'b', (byte)'e', 0, 100, 0, 0, 0, 0, (byte)transform]);
        }
        Segment(s, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        var frame = new List<byte> { (byte)precision, 0, 16, 0, 16, (byte)components };
        for (var c = 1; c <= components; c++)
        {
            frame.AddRange([(byte)c, 0x11, 0]);
        }
        Segment(s, sof, [.. frame]);
        byte[] oneSymbol = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        Segment(s, 0xC4, [0x00, .. oneSymbol]);
        Segment(s, 0xC4, [0x10, .. oneSymbol]);
        if (sof == 0xC2)
        {
            // DC first scan, all components interleaved: 4 MCUs × n blocks, one "0" bit each, padded with ones.
            Scan(s, Enumerable.Range(1, components), 0, 0, PaddedZeros(4 * components));
            for (var c = 1; c <= components; c++)
            {
                // AC scan of one component: 4 blocks, each EOB0 ("0").
                Scan(s, [c], 1, 63, PaddedZeros(4));
            }
        }
        else
        {
            // Baseline: 4 MCUs × n blocks × ("0" DC, "0" EOB) = 8n bits.
            Scan(s, Enumerable.Range(1, components), 0, 63, PaddedZeros(8 * components));
        }
        s.Write([0xFF, 0xD9]);
        return s.ToArray();
    }

    /// <summary>Inserts an EXIF APP1 with an orientation tag right after SOI.</summary>
    public static byte[] WithOrientation(byte[] jpeg, int orientation)
    {
        byte[] exif = [(byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0, (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0];
        using var s = new MemoryStream();
        s.Write(jpeg.AsSpan(0, 2));
        Segment(s, 0xE1, exif);
        s.Write(jpeg.AsSpan(2));
        return s.ToArray();
    }

    /// <summary>Patches the first SOFn frame header to claim <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] ClaimingSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        }
        throw new InvalidOperationException("No frame header found.");
    }

    private static void Scan(Stream s, IEnumerable<int> components, int start, int end, byte[] data)
    {
        var ids = components.ToList();
        var header = new List<byte> { (byte)ids.Count };
        foreach (var id in ids)
        {
            header.AddRange([(byte)id, 0x00]);
        }
        header.AddRange([(byte)start, (byte)end, 0]);
        Segment(s, 0xDA, [.. header]);
        s.Write(data);
    }

    private static byte[] PaddedZeros(int bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        if (bits % 8 != 0)
        {
            bytes[^1] = (byte)((1 << (8 - (bits % 8))) - 1);
        }
        return bytes;
    }

    private static void Segment(Stream s, int marker, byte[] data)
    {
        s.Write([0xFF, (byte)marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        s.Write(data);
    }
}
