using SkiaSharp;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Bfl;

/// <summary>The aspect ratio BFL is asked for, from the choice and the first input; no provider.</summary>
[Trait("Category", "Unit")]
public sealed class BflRequestsTests
{
    [Theory]
    [InlineData(1000, 1000, "1:1")]
    [InlineData(1600, 900, "16:9")]
    [InlineData(600, 800, "3:4")]
    [InlineData(4000, 100, "21:9")]
    [InlineData(100, 4000, "9:21")]
    public void AspectRatio_MatchInputImage_UsesFirstInputShapeWithinBflRange(int width, int height, string expected) =>
        Assert.Equal(expected, BflRequests.AspectRatio("match_input_image", new(EngineJobs.Png(4, 4, SKColors.Red).Png, width, height)));

    [Fact]
    public void AspectRatio_Explicit_PassedThrough() =>
        Assert.Equal("4:5", BflRequests.AspectRatio("4:5", new([], 10, 10)));
}
