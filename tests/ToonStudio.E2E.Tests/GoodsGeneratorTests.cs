using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class GoodsGeneratorTests(E2EFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Generation = new() { Timeout = 60_000 };

    [Fact]
    public async Task Batch_OfThreeTypes_ShowsAGridThatCompletesWithPrintFiles()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);

        await page.UploadAsync("캐릭터 이미지", RepoPaths.Sample("character-girl-on-white.jpg"));
        await page.GoodsType("티셔츠").CheckAsync();
        await page.GoodsType("머그컵").CheckAsync();
        await page.GoodsType("스티커").CheckAsync();
        await Expect(page.Generate).ToHaveTextAsync("굿즈 3종 한 번에 생성");
        await page.Generate.ClickAsync();

        await Expect(page.Cards).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var card = page.Card(i);
            await Expect(card.Status).ToHaveTextAsync("완료", Generation);
            await Expect(card.ResultImage).ToBeVisibleAsync();
            await Expect(card.Download).ToBeVisibleAsync();
            await Expect(card.PrintFile).ToBeVisibleAsync();
        }
        await Expect(page.Output.GetByText("일괄 생성 3 / 3")).ToBeVisibleAsync();
        foreach (var name in new[] { "티셔츠", "머그컵", "스티커" })
        {
            await Expect(page.Output.GetByRole(AriaRole.Article, new() { Name = name })).ToHaveCountAsync(1);
        }
        await session.ScreenshotAsync("goods-batch");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task SingleType_WithColour_MakesOneJobOfThatColour()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);

        await page.UploadAsync("캐릭터 이미지", RepoPaths.Sample("character-pig-transparent.png"));
        await page.GoodsType("머그컵").CheckAsync();
        await session.Page.GetByRole(AriaRole.Radio, new() { Name = "블랙" }).CheckAsync();
        await Expect(page.Generate).ToHaveTextAsync("굿즈 시안 생성");
        await page.Generate.ClickAsync();

        var card = new JobCard(page.Output.GetByRole(AriaRole.Article, new() { Name = "머그컵 · 블랙" }));
        await Expect(card.Status).ToHaveTextAsync("완료", Generation);
        await Expect(page.Cards).ToHaveCountAsync(1);
        using var api = new ApiClient(fixture.Server.BaseUrl);
        var job = await api.GetJobAsync((await card.JobIdAsync())!);
        Assert.Equal("black", job?.GetProperty("parameters").GetProperty("goodsColor").GetString());
        Assert.Null(job?.GetProperty("batchId").GetString());
    }

    [Fact]
    public async Task Cancel_WhileRunning_EndsTheJobAsCanceled()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);

        // The BFL fake keeps this task pending far longer than the test lasts.
        await StartRemoteJobAsync(page, "[fake:polls=100000 tag=e2e-cancel]");
        var card = page.Card();
        await Expect(card.Status).ToHaveTextAsync("생성 중", Generation);
        await Expect(card.Progress).ToBeVisibleAsync();
        await card.Cancel.ClickAsync();

        await Expect(card.Status).ToHaveTextAsync("취소됨", Generation);
        await Expect(card.Error).ToHaveTextAsync("작업이 취소되었습니다.");
        await Expect(card.Cancel).ToHaveCountAsync(0);
        using var api = new ApiClient(fixture.Server.BaseUrl);
        var job = await api.GetJobAsync((await card.JobIdAsync())!);
        Assert.Equal("canceled", job?.GetProperty("status").GetString());
        await session.ScreenshotAsync("goods-canceled", fullPage: false);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Reload_MidRun_ReattachesToTheSameJob()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);

        // Pending for 45 polls of 250 ms: long enough to reload while it runs.
        await StartRemoteJobAsync(page, "[fake:polls=45 tag=e2e-reload]");
        await Expect(page.Card().Status).ToHaveTextAsync("생성 중", Generation);
        var id = await page.Card().JobIdAsync();
        Assert.False(string.IsNullOrEmpty(id));

        await session.Page.ReloadAsync();
        var card = page.Card();
        await Expect(card.Root).ToHaveAttributeAsync("data-job-id", id!);
        await Expect(card.Progress).ToBeVisibleAsync();
        await Expect(card.Status).ToHaveTextAsync("생성 중");
        // The form is refilled from the job, so the next run can start from it.
        await Expect(page.GoodsType("티셔츠")).ToBeCheckedAsync();
        await Expect(page.ImageSlot("캐릭터 이미지").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.Engine).ToHaveValueAsync("bfl");
        await session.ScreenshotAsync("goods-reattached", fullPage: false);

        await Expect(card.Status).ToHaveTextAsync("완료", Generation);
        await Expect(card.ResultImage).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Timeout_OfARemoteJob_ShowsAClearMessageInBothLanguages()
    {
        await using var session = await fixture.OpenAsync(GoodsPage.Path);
        var page = new GoodsPage(session.Page);

        // The fake never finishes this task; the engine gives up after its maximum number of polls.
        await StartRemoteJobAsync(page, "[fake:polls=100000 tag=e2e-timeout]");
        var card = page.Card();
        await Expect(card.Error).ToHaveTextAsync("이미지 생성이 제한 시간 안에 끝나지 않았습니다. 다시 시도하거나 다른 엔진을 선택하세요.", new() { Timeout = 90_000 });
        await Expect(card.Download).ToHaveCountAsync(0);
        await session.ScreenshotAsync("goods-timeout", fullPage: false);

        await page.SwitchToEnglish.ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Image generation did not finish within the time limit." })).ToBeVisibleAsync();
        await Expect(session.Page.GetByText("이미지 생성이 제한 시간")).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
    }

    private static async Task StartRemoteJobAsync(GoodsPage page, string prompt)
    {
        await page.UploadAsync("캐릭터 이미지", RepoPaths.Sample("character-pig-transparent.png"));
        await page.GoodsType("티셔츠").CheckAsync();
        await page.Prompt.FillAsync(prompt);
        await page.Engine.SelectOptionAsync("bfl");
        await Expect(page.Page.GetByText("원격 엔진")).ToBeVisibleAsync();
        await page.Generate.ClickAsync();
    }
}
