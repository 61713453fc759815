using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using ToonStudio.Imaging;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class PplGeneratorTests(E2EFixture fixture)
{
    private static readonly LocatorAssertionsToHaveTextOptions Generation = new() { Timeout = 60_000 };

    [Fact]
    public async Task Run_FromUploadToDownload_SavesValidPng()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var page = new PplPage(session.Page);

        // Engine availability: the local default is badged offline; Replicate has no token here, so it is listed but disabled.
        await Expect(session.Page.GetByText("오프라인 엔진", new() { Exact = true })).ToBeVisibleAsync();
        var replicate = page.Engine.Locator("option[value=replicate]");
        await Expect(replicate).ToBeDisabledAsync();
        await Expect(replicate).ToContainTextAsync("REPLICATE_API_TOKEN");

        await page.UploadBothAsync(RepoPaths.Sample("character-pig-transparent.png"), RepoPaths.Sample("product-can-transparent.png"));
        await Expect(page.ImageSlot("캐릭터 이미지").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.ImageSlot("제품 이미지").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await page.Prompt.FillAsync("캐릭터가 테이블 옆에서 캔을 들고 웃는 광고 컷");
        await page.Generate.ClickAsync();

        var card = page.Card();
        await Expect(card.Status).ToHaveTextAsync("완료", Generation);
        await Expect(card.ResultImage).ToBeVisibleAsync();
        Assert.True(await card.ResultImage.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The result image did not load.");
        await Expect(card.Root.GetByRole(AriaRole.Img, new() { Name = "입력 이미지 1" })).ToBeVisibleAsync();
        await Expect(card.Root.GetByRole(AriaRole.Img, new() { Name = "입력 이미지 2" })).ToBeVisibleAsync();
        Assert.Contains("jobs=", session.Page.Url, StringComparison.Ordinal);

        var download = await session.Page.RunAndWaitForDownloadAsync(() => card.Download.ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(RepoPaths.Artifacts, "ppl-download.png");
        await download.SaveAsAsync(saved);
        var (width, height) = Png.Dimensions(await File.ReadAllBytesAsync(saved));
        Assert.True(width >= 256 && height >= 256, $"The downloaded PNG is {width}×{height}.");

        await session.ScreenshotAsync("ppl-result");

        // "Again with a new seed" re-runs the stored inputs as a new job in the same place.
        var firstId = await card.JobIdAsync();
        var firstSeed = await card.Root.GetByText("시드").Locator("b").TextContentAsync();
        await card.Again.ClickAsync();
        await Expect(card.Root).Not.ToHaveAttributeAsync("data-job-id", firstId!);
        await Expect(card.Status).ToHaveTextAsync("완료", Generation);
        await Expect(card.Root.GetByText("시드").Locator("b")).Not.ToHaveTextAsync(firstSeed!);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ValidationError_IsShownInKorean_ThenInEnglishAfterToggle()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var page = new PplPage(session.Page);

        await page.UploadBothAsync(RepoPaths.Sample("character-girl-on-white.jpg"), RepoPaths.Sample("product-serum-on-beige.jpg"));
        session.AllowFailedRequest(400, "/api/v1/ppl");
        await page.Generate.ClickAsync(); // no prompt: the server answers invalid_parameter for "prompt"

        // The server's answer on a loaded machine: as patient as a generation, not the 15 s default of a UI step.
        var korean = session.Page.GetByText("프롬프트를 입력하세요.");
        await Expect(korean).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Prompt).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Cards).ToHaveCountAsync(0);
        await session.ScreenshotAsync("validation-ko", fullPage: false);

        await page.SwitchToEnglish.ClickAsync();
        await Expect(session.Page.GetByText("Please enter a prompt")).ToBeVisibleAsync();
        await Expect(korean).ToHaveCountAsync(0);
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await session.ScreenshotAsync("validation-en", fullPage: false);

        // The choice is remembered across a reload.
        await session.Page.ReloadAsync();
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Generate PPL image" })).ToBeVisibleAsync();
        await Expect(page.SwitchToKorean).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task AspectRatiosAndFormats_ComeFromTheServersCatalogue()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var page = new PplPage(session.Page);

        var aspect = session.Page.Locator("select#aspect_ratio option");
        await Expect(aspect).ToHaveCountAsync(OutputCatalogue.AspectRatios.Count);
        Assert.Equal(OutputCatalogue.AspectRatios, await aspect.EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        Assert.Equal(OutputCatalogue.MatchInput, await session.Page.Locator("select#aspect_ratio").InputValueAsync());
        var formats = session.Page.Locator("input[name=output_format]");
        Assert.Equal(OutputCatalogue.OutputFormats, await formats.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        await Expect(session.Page.Locator("input[name=output_format]:checked")).ToHaveValueAsync("png");

        // A choice from the catalogue reaches the job: 4:3 as WebP.
        await page.UploadBothAsync(RepoPaths.Sample("character-pig-transparent.png"), RepoPaths.Sample("product-can-transparent.png"));
        await session.Page.Locator("select#aspect_ratio").SelectOptionAsync("4:3");
        await session.Page.Locator("input[name=output_format][value=webp]").CheckAsync();
        await page.Prompt.FillAsync("캐릭터가 캔을 들고 웃는 광고 컷");
        await page.Generate.ClickAsync();
        await Expect(page.Card().Status).ToHaveTextAsync("완료", Generation);
        var contentType = await page.Card().ResultImage.EvaluateAsync<string>(
            "async img => (await fetch(img.src)).headers.get('content-type')");
        Assert.Equal("image/webp", contentType);
        var ratio = await page.Card().ResultImage.EvaluateAsync<double>("img => img.naturalWidth / img.naturalHeight");
        Assert.InRange(ratio, 4.0 / 3 - 0.02, 4.0 / 3 + 0.02);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task NarrowScreen_375px_WorksWithoutHorizontalScroll()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path, width: 375, height: 812);
        var page = new PplPage(session.Page);

        await page.UploadBothAsync(RepoPaths.Sample("character-pig-transparent.png"), RepoPaths.Sample("product-handbag-photo.jpg"));
        await page.Prompt.FillAsync("가방을 어깨에 멘 캐릭터");
        await page.Generate.ClickAsync();
        await Expect(page.Card().Status).ToHaveTextAsync("완료", Generation);

        var overflow = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the 375px screen.");
        await session.ScreenshotAsync("ppl-375px");
        Assert.Empty(session.Errors);
    }
}
