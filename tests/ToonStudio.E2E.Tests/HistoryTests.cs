using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class HistoryTests(E2EFixture fixture)
{
    [Fact]
    public async Task History_AfterServerRestart_StillListsTheJobs()
    {
        string pplId, goodsId;
        using (var api = new ApiClient(fixture.Server.BaseUrl))
        {
            var ppl = await api.CreateAndWaitAsync("ppl", "캐릭터가 캔을 들고 있다",
                ("input_image_1", RepoPaths.Sample("character-pig-transparent.png")), ("input_image_2", RepoPaths.Sample("product-can-transparent.png")));
            var goods = await api.CreateAndWaitAsync("goods", "",
                ("input_image", RepoPaths.Sample("character-girl-on-white.jpg")));
            pplId = ppl.GetProperty("id").GetString()!;
            goodsId = goods.GetProperty("id").GetString()!;
        }

        await fixture.RestartServerAsync();

        await using var session = await fixture.OpenAsync(HistoryPage.Path);
        var page = new HistoryPage(session.Page);
        await Expect(page.Item(pplId)).ToBeVisibleAsync();
        await Expect(page.Item(goodsId)).ToBeVisibleAsync();
        await Expect(page.Items.First).ToHaveAttributeAsync("data-job-id", goodsId); // newest first
        await Expect(page.Item(goodsId).GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await session.ScreenshotAsync("history-after-restart");

        // Paging: one item per page, the next one behind "more".
        await session.Page.GotoAsync($"{HistoryPage.Path}?limit=1");
        await Expect(page.Items).ToHaveCountAsync(1);
        await Expect(page.Items.First).ToHaveAttributeAsync("data-job-id", goodsId);
        await page.More.ClickAsync();
        await Expect(page.Items).ToHaveCountAsync(2);
        await Expect(page.Items.Nth(1)).ToHaveAttributeAsync("data-job-id", pplId);

        await page.Filter("PPL").CheckAsync();
        await Expect(page.Item(goodsId)).ToHaveCountAsync(0);
        await Expect(page.Item(pplId)).ToBeVisibleAsync();

        await page.Delete(page.Item(pplId)).ClickAsync();
        await page.ConfirmDelete(page.Item(pplId)).ClickAsync();
        await Expect(page.Item(pplId)).ToHaveCountAsync(0);
        using (var api = new ApiClient(fixture.Server.BaseUrl))
        {
            Assert.Null(await api.GetJobAsync(pplId));
        }

        await page.Filter("굿즈").CheckAsync();
        await page.Open(page.Item(goodsId)).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/goods-gen/\\?jobs={goodsId}$"));
        await Expect(new JobCard(session.Page.GetByRole(AriaRole.Article)).Status).ToHaveTextAsync("완료");
        Assert.Empty(session.Errors);
    }
}
