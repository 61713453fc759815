using ToonStudio.Imaging.Ppl;

namespace ToonStudio.Imaging.Tests.Ppl;

public class PplLayoutPickerTests
{
    [Theory]
    [InlineData("the pig holding a can of soda", "Holding")]
    [InlineData("돼지가 캔을 들고 있는 광고", "Holding")]
    [InlineData("serum on the table", "OnTable")]
    [InlineData("테이블 위에 세럼", "OnTable")]
    [InlineData("the bag in the background", "Background")]
    [InlineData("배경에 가방", "Background")]
    [InlineData("product on the left", "Left")]
    [InlineData("제품은 왼쪽에", "Left")]
    [InlineData("product on the right", "Right")]
    [InlineData("오른쪽에 제품", "Right")]
    [InlineData("standing next to the bag", "NextTo")]
    [InlineData("가방 옆에 서 있는", "NextTo")]
    public void Pick_PromptNamesALayout_ThatLayoutWhateverTheSeed(string prompt, string expected)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            Assert.Equal(Enum.Parse<PplLayoutKind>(expected), PplLayoutPicker.Pick(prompt, new Random(seed)));
        }
    }

    [Fact]
    public void Pick_NeutralPrompt_AnotherSeedGivesAnotherLayout()
    {
        var kinds = Enumerable.Range(0, 12).Select(seed => PplLayoutPicker.Pick("a cute advertisement", new Random(seed))).Distinct().Count();
        Assert.True(kinds >= 3, $"only {kinds} layouts over 12 seeds");
    }

    [Fact]
    public void Create_AnotherSeed_MovesTheProduct()
    {
        var a = PplPlacement.Create(PplLayoutKind.NextTo, 1024, 1024, 0.7f, 0.5f, new Random(1));
        var b = PplPlacement.Create(PplLayoutKind.NextTo, 1024, 1024, 0.7f, 0.5f, new Random(2));
        Assert.NotEqual(a.Product, b.Product);
    }

    [Theory]
    [InlineData("Holding")]
    [InlineData("NextTo")]
    [InlineData("OnTable")]
    [InlineData("Background")]
    public void Create_AnyLayout_ProductSmallerThanCanvasAndInside(string kind)
    {
        var at = PplPlacement.Create(Enum.Parse<PplLayoutKind>(kind), 1344, 768, 0.6f, 1.4f, new Random(3));
        Assert.InRange(at.Product.Left, 0, 1344);
        Assert.InRange(at.Product.Right, 0, 1344);
        Assert.InRange(at.Product.Height, 40, 768);
        Assert.InRange(at.Character.Height, 300, 768);
    }
}
