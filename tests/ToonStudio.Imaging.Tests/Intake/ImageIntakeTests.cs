using SkiaSharp;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Intake;

namespace ToonStudio.Imaging.Tests.Intake;

public sealed class ImageIntakeTests
{
    private static readonly IntakeLimits Limits = new(5 * 1024 * 1024, 40_000_000, 1024);

    [Theory]
    [MemberData(nameof(ExifJpeg.Orientations), MemberType = typeof(ExifJpeg))]
    public void Process_ExifOrientation_ComesOutUpright(int orientation, bool swapsAxes, int redRight, int redBottom)
    {
        var result = ImageIntake.Process(ExifJpeg.Create(400, 200, orientation), Limits);

        Assert.Equal(swapsAxes ? (200, 400) : (400, 200), (result.Width, result.Height));
        using var bitmap = SKBitmap.Decode(result.Png);
        var x = redRight == 1 ? bitmap.Width * 3 / 4 : bitmap.Width / 4;
        var y = redBottom == 1 ? bitmap.Height * 3 / 4 : bitmap.Height / 4;
        var pixel = bitmap.GetPixel(x, y);
        Assert.True(pixel.Red > 200 && pixel.Blue < 60, $"orientation {orientation}: expected red at ({x},{y}), got {pixel}");
    }

    [Fact]
    public void Process_TwelveMegapixelJpeg_DownscalesToMaxEdge()
    {
        using var bitmap = new SKBitmap(4000, 3000);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Orange);
        }
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 85);

        var result = ImageIntake.Process(data.ToArray(), Limits);

        Assert.Equal((1024, 768), (result.Width, result.Height));
        Assert.Equal((4000, 3000), (result.SourceWidth, result.SourceHeight));
        Assert.Equal(ImageFormat.Jpeg, result.SourceFormat);
        Assert.False(result.HasAlpha);
    }

    [Fact]
    public void Process_TransparentPng_KeepsAlphaAndDropsMetadata()
    {
        using var bitmap = new SKBitmap(100, 100, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(SKColors.Transparent);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        // A camera-like upload: an EXIF chunk (a made-up GPS marker) and a text comment right after IHDR.
        var input = PngChunks.InsertAfterHeader(data.ToArray(),
            ("eXIf", [.. "MM\0*\0\0\0\u0008GPS-SECRET"u8]), ("tEXt", [.. "Comment\0shot at home"u8]));
        Assert.NotEqual(-1, input.AsSpan().IndexOf("eXIf"u8));
        Assert.NotEqual(-1, input.AsSpan().IndexOf("tEXt"u8));

        var result = ImageIntake.Process(input, Limits);

        Assert.True(result.HasAlpha);
        Assert.Equal(-1, result.Png.AsSpan().IndexOf("eXIf"u8));
        Assert.Equal(-1, result.Png.AsSpan().IndexOf("tEXt"u8));
        Assert.Equal(-1, result.Png.AsSpan().IndexOf("GPS-SECRET"u8));
        Assert.Equal(-1, result.Png.AsSpan().IndexOf("shot at home"u8));
    }

    [Fact]
    public void Process_MorePixelsThanTheLimit_RefusedBeforeDecoding()
    {
        using var bitmap = new SKBitmap(300, 300);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);

        var error = Assert.Throws<ImageIntakeException>(() => ImageIntake.Process(data.ToArray(), Limits with { MaxPixels = 80_000 }));

        Assert.Equal(IntakeFailure.TooLarge, error.Failure);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.1)]
    public void Process_TruncatedJpegOrPng_IsInvalid(double keep)
    {
        using var bitmap = new SKBitmap(300, 300);
        bitmap.Erase(SKColors.Green);
        foreach (var format in new[] { SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg })
        {
            var bytes = SKImage.FromBitmap(bitmap).Encode(format, 90).ToArray();
            var cut = bytes[..(int)(bytes.Length * keep)];
            var error = Assert.Throws<ImageIntakeException>(() => ImageIntake.Process(cut, Limits));
            Assert.Equal(IntakeFailure.Invalid, error.Failure);
        }
    }

    [Fact]
    public void Process_Gif_IsUnsupported()
    {
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

        Assert.Equal(IntakeFailure.Unsupported, Assert.Throws<ImageIntakeException>(() => ImageIntake.Process(gif, Limits)).Failure);
    }
}
