using SkiaSharp;

namespace ToonStudio.Imaging.Tests.Intake;

/// <summary>JPEGs with an EXIF orientation tag, made in the test: a landscape picture whose top-left quadrant is red.</summary>
internal static class ExifJpeg
{
    /// <summary>Each EXIF orientation 1–8: whether it swaps the axes, and where the red quadrant lands once upright (x, y: 0 or 1).</summary>
    public static TheoryData<int, bool, int, int> Orientations { get; } = new()
    {
        { 1, false, 0, 0 },
        { 2, false, 1, 0 },
        { 3, false, 1, 1 },
        { 4, false, 0, 1 },
        { 5, true, 0, 0 },
        { 6, true, 1, 0 },
        { 7, true, 1, 1 },
        { 8, true, 0, 1 },
    };

    public static byte[] Create(int width, int height, int orientation)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, red);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 95);
        var jpeg = data.ToArray();
        return orientation == 1 ? jpeg : [.. jpeg[..2], .. App1(orientation), .. jpeg[2..]];
    }

    /// <summary>APP1 "Exif" with a big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT.</summary>
    private static byte[] App1(int orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
