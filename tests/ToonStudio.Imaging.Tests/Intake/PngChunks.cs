using System.Buffers.Binary;
using System.Text;

namespace ToonStudio.Imaging.Tests.Intake;

/// <summary>Adds ancillary chunks (with their CRC) to a PNG, to make uploads that carry metadata.</summary>
internal static class PngChunks
{
    private const int HeaderEnd = 8 + 4 + 4 + 13 + 4; // signature, then IHDR's length, type, 13 data bytes and CRC

    public static byte[] InsertAfterHeader(byte[] png, params (string Type, byte[] Data)[] chunks)
    {
        using var output = new MemoryStream();
        output.Write(png, 0, HeaderEnd);
        Span<byte> number = stackalloc byte[4];
        foreach (var (type, data) in chunks)
        {
            var typeAndData = new byte[4 + data.Length];
            Encoding.ASCII.GetBytes(type, typeAndData);
            data.CopyTo(typeAndData, 4);
            BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
            output.Write(number);
            output.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
            output.Write(number);
        }
        output.Write(png, HeaderEnd, png.Length - HeaderEnd);
        return output.ToArray();
    }

    /// <summary>The CRC-32 of PNG (ISO 3309, reflected 0xEDB88320), bit by bit: slow and obviously right.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
