using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>
/// A PNG writer by hand, for the variants SkiaSharp's encoder never writes: every bit depth and colour type,
/// palettes with tRNS, Adam7 interlacing, lying headers and oversized IDAT streams.
/// </summary>
internal static class MiniPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    public static int Channels(int colorType) => colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 1 };

    /// <summary>A w×h image of the given depth and colour type: a diagonal gradient (palette index = gradient mod palette).</summary>
    public static byte[] Image(int width, int height, int bitDepth, int colorType, bool interlaced = false, bool transparency = false)
    {
        var max = (1 << bitDepth) - 1;
        var paletteSize = Math.Min(256, 1 << bitDepth);
        int Sample(int x, int y, int channel) => colorType == 3
            ? (x + y) % paletteSize
            : (int)((long)((x * 7) + (y * 5) + (channel * 40)) * max / (width * 7 + height * 5 + 120)) & max;
        var chunks = new List<(string, byte[])> { ("IHDR", Header(width, height, bitDepth, colorType, interlaced)) };
        if (colorType == 3)
        {
            chunks.Add(("PLTE", [.. Enumerable.Range(0, paletteSize).SelectMany(i => new[] { (byte)(i * 37), (byte)(255 - i), (byte)(i * 11) })]));
            if (transparency)
            {
                chunks.Add(("tRNS", [.. Enumerable.Range(0, paletteSize).Select(i => (byte)(i % 2 == 0 ? 255 : 0))]));
            }
        }
        else if (transparency && colorType is 0 or 2)
        {
            chunks.Add(("tRNS", new byte[colorType == 0 ? 2 : 6]));
        }
        chunks.Add(("IDAT", Deflate(Scanlines(width, height, bitDepth, Channels(colorType), interlaced, Sample))));
        chunks.Add(("IEND", []));
        return Assemble(chunks);
    }

    public static byte[] Header(int width, int height, int bitDepth, int colorType, bool interlaced = false)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        ihdr[12] = (byte)(interlaced ? 1 : 0);
        return ihdr;
    }

    public static byte[] Assemble(IEnumerable<(string Type, byte[] Data)> chunks)
    {
        using var stream = new MemoryStream();
        stream.Write(Signature);
        foreach (var (type, data) in chunks)
        {
            WriteChunk(stream, type, data);
        }
        return stream.ToArray();
    }

    public static void WriteChunk(Stream stream, string type, byte[] data, bool badCrc = false)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Of(typed) ^ (badCrc ? 0x5A5A5A5Au : 0));
        stream.Write(word);
    }

    public static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }
        return output.ToArray();
    }

    /// <summary>zlib of <paramref name="zeros"/> zero bytes, streamed: a few hundred KB that inflate to hundreds of MB.</summary>
    public static byte[] DeflateZeros(long zeros)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            var chunk = new byte[1 << 20];
            for (var left = zeros; left > 0; left -= chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }
        return output.ToArray();
    }

    private static byte[] Scanlines(int width, int height, int bitDepth, int channels, bool interlaced, Func<int, int, int, int> sample)
    {
        using var raw = new MemoryStream();
        foreach (var (x0, y0, dx, dy) in interlaced ? Adam7 : [(0, 0, 1, 1)])
        {
            for (var y = y0; y < height; y += dy)
            {
                var xs = Enumerable.Range(0, width).Where(x => x >= x0 && (x - x0) % dx == 0).ToList();
                if (xs.Count == 0)
                {
                    break;
                }
                raw.WriteByte(0); // filter: none
                raw.Write(Pack(xs.SelectMany(x => Enumerable.Range(0, channels).Select(c => sample(x, y, c))), bitDepth));
            }
        }
        return raw.ToArray();
    }

    private static byte[] Pack(IEnumerable<int> samples, int bitDepth)
    {
        var bytes = new List<byte>();
        int current = 0, used = 0;
        foreach (var s in samples)
        {
            if (bitDepth == 16)
            {
                bytes.Add((byte)(s >> 8));
                bytes.Add((byte)s);
                continue;
            }
            current = (current << bitDepth) | s;
            used += bitDepth;
            if (used == 8)
            {
                bytes.Add((byte)current);
                current = used = 0;
            }
        }
        if (used > 0)
        {
            bytes.Add((byte)(current << (8 - used)));
        }
        return [.. bytes];
    }
}
