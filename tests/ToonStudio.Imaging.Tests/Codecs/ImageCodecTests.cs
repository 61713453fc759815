using SkiaSharp;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Tests.Intake;

namespace ToonStudio.Imaging.Tests.Codecs;

public sealed class ImageCodecTests
{
    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0, 0 }, "Gif")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x20, 0x78, 0x3E, 0, 0, 0, 0, 0 }, "Svg")]
    [InlineData(new byte[] { 0x42, 0x4D, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "Bmp")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 }, "Png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0 }, "Jpeg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "Webp")]
    [InlineData(new byte[] { 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0, 0, 0, 0, 0, 0, 0 }, "Unknown")]
    public void Sniff_MagicBytes_NameTheFormat(byte[] head, string expected) =>
        Assert.Equal(expected, ImageCodec.Sniff(head)?.Name ?? "Unknown");

    [Theory]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 0, 0, 0, 0 }, "Tiff")]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 0 }, "Tiff")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63 }, "Heic")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x37, 0x61 }, "Gif")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Unknown")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, "Unknown")]
    [InlineData(new byte[0], "Unknown")]
    public void Sniff_OtherAndIncompleteSignatures(byte[] head, string expected) =>
        Assert.Equal(expected, ImageCodec.Sniff(head)?.Name ?? "Unknown");

    [Theory]
    [InlineData(OutputFormat.Png, "image/png", "png")]
    [InlineData(OutputFormat.Jpeg, "image/jpeg", "jpg")]
    [InlineData(OutputFormat.Webp, "image/webp", "webp")]
    public void Of_OutputFormat_HasItsMimeTypeAndExtension(OutputFormat output, string mime, string extension)
    {
        var format = ImageFormat.Of(output);

        Assert.Equal((mime, extension, output, true), (format.MimeType, format.Extension, format.Output, format.IsAccepted));
    }

    [Fact]
    public void IsAccepted_OnlyPngJpegAndWebp() =>
        Assert.Equal(["Png", "Jpeg", "Webp"], ImageFormat.All.Where(f => f.IsAccepted).Select(f => f.Name));

    [Theory]
    [InlineData(OutputFormat.Png, 0)]
    [InlineData(OutputFormat.Jpeg, 12)]
    [InlineData(OutputFormat.Webp, 12)]
    public void EncodeThenDecode_EachFormat_RoundTrips(OutputFormat output, int tolerance)
    {
        using var source = TwoColours(64, 48);

        var encoded = ImageCodec.Encode(source, output, EncodeProfile.Compact);
        using var decoded = ImageCodec.Decode(encoded.Bytes, DecodeOptions.Strict);

        Assert.Equal(ImageFormat.Of(output), ImageCodec.Sniff(encoded.Bytes));
        Assert.Equal((ImageFormat.Of(output).MimeType, 64, 48), (encoded.ContentType, encoded.Width, encoded.Height));
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
        AssertNear(SKColors.Red, decoded.GetPixel(8, 24), tolerance);
        AssertNear(SKColors.Blue, decoded.GetPixel(56, 24), tolerance);
    }

    [Fact]
    public void Encode_FastPng_IsLossless()
    {
        using var source = TwoColours(64, 48);
        using var pixmap = source.PeekPixels();

        var png = ImageCodec.Encode(pixmap, OutputFormat.Png, EncodeProfile.Fast);
        using var decoded = ImageCodec.Decode(png, DecodeOptions.Strict);

        Assert.Equal(ImageFormat.Png, ImageCodec.Sniff(png));
        Assert.Equal(source.GetPixel(8, 24), decoded.GetPixel(8, 24));
        Assert.Equal(source.GetPixel(56, 24), decoded.GetPixel(56, 24));
    }

    [Fact]
    public void Transcode_TransparentToJpeg_IsFlattenedOnWhite()
    {
        using var transparent = new SKBitmap(new SKImageInfo(16, 16, SKColorType.Rgba8888, SKAlphaType.Premul));
        transparent.Erase(SKColors.Transparent);
        var png = ImageCodec.Encode(transparent, OutputFormat.Png, EncodeProfile.Compact);

        var jpeg = ImageCodec.Transcode(png.Bytes, OutputFormat.Jpeg);
        using var decoded = ImageCodec.Decode(jpeg.Bytes, DecodeOptions.Strict);

        Assert.Equal("image/jpeg", jpeg.ContentType);
        AssertNear(SKColors.White, decoded.GetPixel(8, 8), 4);
    }

    [Fact]
    public void Encode_CompactJpeg_DropsAlphaWithoutFlattening()
    {
        using var transparent = new SKBitmap(new SKImageInfo(16, 16, SKColorType.Rgba8888, SKAlphaType.Premul));
        transparent.Erase(SKColors.Transparent);

        var jpeg = ImageCodec.Encode(transparent, OutputFormat.Jpeg, EncodeProfile.Compact);
        using var decoded = ImageCodec.Decode(jpeg.Bytes, DecodeOptions.Strict);

        AssertNear(SKColors.Black, decoded.GetPixel(8, 8), 4);
    }

    [Theory]
    [MemberData(nameof(ExifJpeg.Orientations), MemberType = typeof(ExifJpeg))]
    public void Decode_ExifOrientation_ComesOutUpright(int orientation, bool swapsAxes, int redRight, int redBottom)
    {
        var jpeg = ExifJpeg.Create(400, 200, orientation);

        using var bitmap = ImageCodec.Decode(jpeg, DecodeOptions.Pixels, out var header);

        Assert.Equal(new ImageHeader(400, 200, orientation), header);
        Assert.Equal(header, ImageCodec.ReadHeader(jpeg));
        Assert.Equal(swapsAxes ? (200, 400) : (400, 200), (bitmap.Width, bitmap.Height));
        var x = redRight == 1 ? bitmap.Width * 3 / 4 : bitmap.Width / 4;
        var y = redBottom == 1 ? bitmap.Height * 3 / 4 : bitmap.Height / 4;
        var pixel = bitmap.GetPixel(x, y);
        Assert.True(pixel.Red > 200 && pixel.Blue < 60, $"orientation {orientation}: expected red at ({x},{y}), got {pixel}");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void Decode_WithoutOrient_KeepsTheStoredLayout(int orientation)
    {
        using var bitmap = ImageCodec.Decode(ExifJpeg.Create(400, 200, orientation), DecodeOptions.Strict);

        Assert.Equal((400, 200), (bitmap.Width, bitmap.Height));
        var pixel = bitmap.GetPixel(100, 50);
        Assert.True(pixel.Red > 200 && pixel.Blue < 60, $"expected the stored red top-left quadrant, got {pixel}");
    }

    [Fact]
    public void Decode_MaxEdge_FitsTheUprightLongerSide()
    {
        using var bitmap = ImageCodec.Decode(ExifJpeg.Create(400, 200, 6), new DecodeOptions(MaxEdge: 100));

        Assert.Equal((50, 100), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Decode_MorePixelsThanTheLimit_IsTooLarge()
    {
        using var source = TwoColours(300, 300);
        var png = ImageCodec.Encode(source, OutputFormat.Png, EncodeProfile.Fast);

        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png.Bytes, new DecodeOptions(MaxPixels: 89_999)));
        using var atLimit = ImageCodec.Decode(png.Bytes, new DecodeOptions(MaxPixels: 90_000));

        Assert.Equal(DecodeFailure.TooLarge, error.Failure);
        Assert.Equal((300, 300), (atLimit.Width, atLimit.Height));
    }

    [Fact]
    public void Decode_TruncatedData_IsCorruptUnlessIncompleteIsAllowed()
    {
        using var source = TwoColours(300, 300);
        var png = ImageCodec.Encode(source, OutputFormat.Png, EncodeProfile.Compact).Bytes;
        var cut = png[..(png.Length / 2)];

        var error = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(cut, DecodeOptions.Strict));
        using var partial = ImageCodec.Decode(cut, DecodeOptions.Pixels);

        Assert.Equal(DecodeFailure.Corrupt, error.Failure);
        Assert.Equal((300, 300), (partial.Width, partial.Height));
    }

    [Fact]
    public void Decode_NotAnImage_IsUnreadable()
    {
        Assert.Equal(DecodeFailure.Unreadable, Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode("hello"u8, DecodeOptions.Strict)).Failure);
        Assert.Equal(DecodeFailure.Unreadable, Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode([], DecodeOptions.Strict)).Failure);
        Assert.Null(ImageCodec.ReadHeader("hello"u8));
    }

    private static SKBitmap TwoColours(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    private static void AssertNear(SKColor expected, SKColor actual, int tolerance) =>
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= tolerance && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance && Math.Abs(expected.Alpha - actual.Alpha) <= tolerance,
            $"expected {expected} ±{tolerance}, got {actual}");
}
