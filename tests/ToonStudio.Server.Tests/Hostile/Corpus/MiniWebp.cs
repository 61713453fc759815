using System.Buffers.Binary;
using System.Text;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>RIFF/WebP surgery: animated files (VP8X + ANIM + ANMF) and lying canvas or VP8L dimensions.</summary>
internal static class MiniWebp
{
    public static List<(string FourCc, byte[] Data)> Chunks(byte[] webp)
    {
        var chunks = new List<(string, byte[])>();
        for (var i = 12; i + 8 <= webp.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(i + 4));
            chunks.Add((Encoding.ASCII.GetString(webp, i, 4), webp.AsSpan(i + 8, size).ToArray()));
            i += 8 + size + (size & 1);
        }
        return chunks;
    }

    public static byte[] Riff(IEnumerable<(string FourCc, byte[] Data)> chunks)
    {
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        foreach (var (fourCc, data) in chunks)
        {
            body.Write(Chunk(fourCc, data));
        }
        var riff = new MemoryStream();
        riff.Write("RIFF"u8);
        riff.Write(Le32((int)body.Length));
        body.WriteTo(riff);
        return riff.ToArray();
    }

    /// <summary>An animation of <paramref name="frames"/> copies of a lossless still (its VP8L chunk) on its canvas.</summary>
    public static byte[] Animated(byte[] losslessStill, int width, int height, int frames)
    {
        var vp8l = Chunks(losslessStill).First(c => c.FourCc == "VP8L").Data;
        var chunks = new List<(string, byte[])>
        {
            ("VP8X", [0x12, 0, 0, 0, .. Le24(width - 1), .. Le24(height - 1)]),
            ("ANIM", [255, 255, 255, 255, 0, 0]),
        };
        for (var f = 0; f < frames; f++)
        {
            chunks.Add(("ANMF", [.. Le24(0), .. Le24(0), .. Le24(width - 1), .. Le24(height - 1), .. Le24(100), 0, .. Chunk("VP8L", vp8l)]));
        }
        return Riff(chunks);
    }

    /// <summary>The still behind a VP8X header claiming a canvas of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] ClaimingCanvas(byte[] still, int width, int height) =>
        Riff([("VP8X", [0, 0, 0, 0, .. Le24(width - 1), .. Le24(height - 1)]), .. Chunks(still)]);

    /// <summary>A lossless still whose VP8L header claims 16384×16384 (the format's maximum).</summary>
    public static byte[] LosslessClaimingMaximum(byte[] losslessStill)
    {
        var chunks = Chunks(losslessStill);
        var index = chunks.FindIndex(c => c.FourCc == "VP8L");
        var data = (byte[])chunks[index].Data.Clone();
        var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(1));
        bits |= 0x0FFFFFFFu; // width-1 and height-1: 14 bits each, all ones
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), bits);
        chunks[index] = ("VP8L", data);
        return Riff(chunks);
    }

    private static byte[] Chunk(string fourCc, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] Le24(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16)];

    private static byte[] Le32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
