using System.Buffers.Binary;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>Just enough PNG parsing to tell a real PNG file from anything else.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The IHDR size of a PNG; throws when the bytes are not a PNG with an image header and an end.</summary>
    public static (int Width, int Height) Dimensions(byte[] bytes)
    {
        Assert.True(bytes.Length > 33, $"Only {bytes.Length} bytes.");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
