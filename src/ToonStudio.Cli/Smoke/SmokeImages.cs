using System.Buffers.Binary;
using System.IO.Compression;

namespace ToonStudio.Cli.Smoke;

/// <summary>
/// The smoke test's inputs, drawn here so the CLI ships no image files: a round "character" and a tall "product"
/// on transparent backgrounds, encoded as RGBA PNG.
/// </summary>
internal static class SmokeImages
{
    public static byte[] Character() => Draw(256, 256, (x, y) =>
        Inside(x, y, 128, 100, 60) ? (255, 214, 170) : Inside(x, y, 128, 200, 70) ? (70, 120, 220) : null);

    public static byte[] Product() => Draw(160, 256, (x, y) =>
        x is > 50 and < 110 && y is > 40 and < 230 ? (200, 40, 60) : x is > 65 and < 95 && y is > 20 and <= 40 ? (240, 240, 240) : null);

    private static bool Inside(int x, int y, int cx, int cy, int r) => ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) < r * r;

    private static byte[] Draw(int width, int height, Func<int, int, (byte R, byte G, byte B)?> colour)
    {
        var raw = new byte[height * ((width * 4) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 4) + 1); // filter byte 0, then RGBA
            for (var x = 0; x < width; x++)
            {
                if (colour(x, y) is { } c)
                {
                    var i = row + 1 + (x * 4);
                    (raw[i], raw[i + 1], raw[i + 2], raw[i + 3]) = (c.R, c.G, c.B, 255);
                }
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 6); // 8-bit RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        png.Write(word);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
