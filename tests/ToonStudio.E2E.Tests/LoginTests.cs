using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

/// <summary>With API keys on, the pages send the browser to /login/ and work with the session cookie after it.</summary>
[Collection(E2ECollection.Name)]
public sealed class LoginTests(E2EFixture fixture)
{
    private const string Key = "e2e-key-0123456789";

    [Fact]
    public async Task ApiKeysOn_PageRedirectsToLogin_ThenGeneratesWithTheSessionCookie()
    {
        var data = Path.Combine(Path.GetTempPath(), $"toonstudio-e2e-auth-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        await using var server = await ServerProcess.StartAsync(data,
            new Dictionary<string, string> { ["ToonStudio:Auth:ApiKeys:0"] = Key, ["ToonStudio:Engines:Ppl"] = "local" },
            new Dictionary<string, string>());
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl.ToString() });
        var browserPage = await context.NewPageAsync();
        await browserPage.GotoAsync(PplPage.Path);

        await Expect(browserPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login/\\?return=%2Fppl-gen%2F$"));
        await browserPage.GetByLabel("API 키", new() { Exact = true }).FillAsync("wrong-key");
        await browserPage.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(browserPage.GetByRole(AriaRole.Alert)).ToHaveTextAsync("키가 올바르지 않습니다. 다시 확인해 주세요.");
        await browserPage.GetByLabel("API 키", new() { Exact = true }).FillAsync(Key);
        await browserPage.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Expect(browserPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ppl-gen/$"));

        var page = new PplPage(browserPage);
        await page.UploadBothAsync(RepoPaths.Sample("character-pig-transparent.png"), RepoPaths.Sample("product-can-transparent.png"));
        await page.Prompt.FillAsync("캐릭터가 캔을 들고 있다");
        await page.Generate.ClickAsync();
        await Expect(page.Card().Status).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
        await Expect(page.Card().ResultImage).ToBeVisibleAsync();
        Assert.True(await page.Card().ResultImage.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The result did not load with the session cookie.");
    }
}
