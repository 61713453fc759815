using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

/// <summary>Every page loads under the server's strict CSP, fits a 375 px screen and can be navigated by keyboard.</summary>
[Collection(E2ECollection.Name)]
public sealed class PagesTests(E2EFixture fixture)
{
    [Theory]
    [InlineData("/", "home", "웹툰 캐릭터로 PPL 광고 이미지와 굿즈 시안을 만드세요")]
    [InlineData("/ppl-gen/", "ppl-gen", "PPL 이미지 생성")]
    [InlineData("/goods-gen/", "goods-gen", "굿즈 시안 생성")]
    [InlineData("/history/", "history", "생성 기록")]
    public async Task Page_At375px_RendersWithoutOverflowOrConsoleErrors(string path, string name, string heading)
    {
        await using var session = await fixture.OpenAsync(path, width: 375, height: 812);

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
        var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the 375px screen.");
        await session.ScreenshotAsync($"page-375px-{name}");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Keyboard_SkipLinkAndGoodsCards_WorkWithVisibleFocus()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);
        await Expect(page.GoodsType("머그컵")).ToBeAttachedAsync();

        await session.Page.Keyboard.PressAsync("Tab");
        var skip = session.Page.GetByRole(AriaRole.Link, new() { Name = "본문으로 건너뛰기" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();

        await page.GoodsType("머그컵").FocusAsync();
        await session.Page.Keyboard.PressAsync("Space");
        await Expect(page.GoodsType("머그컵")).ToBeCheckedAsync();
        var outline = await page.GoodsType("머그컵").EvaluateAsync<string>("i => getComputedStyle(i.nextElementSibling).outlineStyle");
        Assert.Equal("solid", outline);
        await Expect(page.Generate).ToHaveTextAsync("굿즈 시안 생성");
        await Expect(session.Page.GetByRole(AriaRole.Radio, new() { Name = "기본" })).ToBeCheckedAsync();
        Assert.Empty(session.Errors);
    }
}
