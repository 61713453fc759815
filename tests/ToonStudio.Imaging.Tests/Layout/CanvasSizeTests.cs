using ToonStudio.Imaging.Layout;

namespace ToonStudio.Imaging.Tests.Layout;

public class CanvasSizeTests
{
    public static TheoryData<string> Ratios() => [.. OutputCatalogue.AspectRatios.Where(r => r != OutputCatalogue.MatchInput)];

    [Theory]
    [MemberData(nameof(Ratios))]
    public void For_EveryRatio_IsAboutOneMegapixelInMultiplesOf16(string ratio)
    {
        var (w, h) = CanvasSize.For(ratio, 0, 0);
        var parts = ratio.Split(':').Select(double.Parse).ToArray();

        Assert.Equal(0, w % 16);
        Assert.Equal(0, h % 16);
        Assert.InRange(w * (double)h, 0.9e6, 1.2e6);
        Assert.InRange((double)w / h, parts[0] / parts[1] * 0.97, parts[0] / parts[1] * 1.03);
    }

    [Fact]
    public void AspectRatios_ListsTheFourteenReplicateValues()
    {
        Assert.Equal(14, OutputCatalogue.AspectRatios.Count);
        Assert.Contains("match_input_image", OutputCatalogue.AspectRatios);
    }

    [Fact]
    public void For_MatchInput_FollowsTheInputShape()
    {
        var (w, h) = CanvasSize.For("match_input_image", 700, 1100);
        Assert.InRange((double)w / h, 700 / 1100.0 * 0.97, 700 / 1100.0 * 1.03);
        Assert.Equal(0, w % 16);
    }

    [Fact]
    public void For_UnknownRatio_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => CanvasSize.For("7:5", 0, 0));
    }
}
