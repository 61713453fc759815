using SkiaSharp;
using ToonStudio.Imaging.Layout;
using ToonStudio.Imaging.Ppl;
using ToonStudio.Imaging.Tests.Support;

namespace ToonStudio.Imaging.Tests.Ppl;

public class PplCompositorTests
{
    private static readonly byte[] Character = TestImages.TransparentCharacter();
    private static readonly byte[] Product = TestImages.ProductOnWhite();

    [Fact]
    public void Compose_SameInputsAndSeed_GivesIdenticalBytes()
    {
        var request = new PplRequest(Character, Product, "holding the box", "1:1", 42, OutputFormat.Png);
        var first = new PplCompositor().Compose(request);
        var second = new PplCompositor().Compose(request);
        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public void Compose_AnotherSeed_GivesAnotherImage()
    {
        var a = new PplCompositor().Compose(new PplRequest(Character, Product, "ad", "1:1", 1, OutputFormat.Png));
        var b = new PplCompositor().Compose(new PplRequest(Character, Product, "ad", "1:1", 2, OutputFormat.Png));
        Assert.NotEqual(a.Bytes, b.Bytes);
    }

    [Theory]
    [InlineData("16:9", OutputFormat.Jpeg, "image/jpeg")]
    [InlineData("9:21", OutputFormat.Webp, "image/webp")]
    [InlineData("match_input_image", OutputFormat.Png, "image/png")]
    public void Compose_AspectAndFormat_EncodesAtTheCanvasSize(string aspect, OutputFormat format, string contentType)
    {
        var result = new PplCompositor().Compose(new PplRequest(Character, Product, "next to", aspect, 3, format));
        using var decoded = SKBitmap.Decode(result.Bytes);
        var expected = CanvasSize.For(aspect, 300, 400);

        Assert.Equal(contentType, result.ContentType);
        Assert.Equal(expected, (decoded.Width, decoded.Height));
        Assert.Equal(expected, (result.Width, result.Height));
    }

    [Fact]
    public void Compose_CharacterInAScene_BackgroundIsThatSceneNotAStudio()
    {
        var outdoor = SyntheticScene.Create(480, 560, SyntheticBackground.Outdoor, true, seed: 2).EncodeJpeg(90);
        var result = new PplCompositor().Compose(new PplRequest(outdoor, Product, "next to", "1:1", 4, OutputFormat.Png));
        using var image = SKBitmap.Decode(result.Bytes);

        // Top corner: the blurred sky (blue); bottom corner: the grass (green).
        image.GetPixel(8, 8).ToHsv(out var skyHue, out var skySaturation, out _);
        image.GetPixel(8, image.Height - 8).ToHsv(out var grassHue, out _, out _);
        Assert.InRange(skyHue, 190, 230);
        Assert.True(skySaturation > 15, $"sky saturation {skySaturation}");
        Assert.InRange(grassHue, 80, 140);
    }

    public static TheoryData<string> AllRatios() => [.. OutputCatalogue.AspectRatios];

    [Theory]
    [MemberData(nameof(AllRatios))]
    public void Compose_EveryAspectRatio_ImageHasThatCanvasSize(string aspect)
    {
        var result = new PplCompositor().Compose(new PplRequest(Character, Product, "next to", aspect, 8, OutputFormat.Jpeg));
        using var codec = SKCodec.Create(new SKMemoryStream(result.Bytes));

        Assert.Equal(CanvasSize.For(aspect, 300, 400), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void Compose_UnknownAspect_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() =>
            new PplCompositor().Compose(new PplRequest(Character, Product, "x", "5:7", 1, OutputFormat.Png)));
    }
}
