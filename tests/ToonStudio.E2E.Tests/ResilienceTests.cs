using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using ToonStudio.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

/// <summary>The UI keeps its job when the live stream fails, takes dropped and pasted images, and shrinks uploads over the limit.</summary>
[Collection(E2ECollection.Name)]
public sealed class ResilienceTests(E2EFixture fixture)
{
    [Fact]
    public async Task EventStreamBlocked_FallsBackToPolling_AndStillShowsTheResult()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var blocked = 0;
        await session.Page.RouteAsync("**/api/v1/jobs/*/events", async route =>
        {
            Interlocked.Increment(ref blocked);
            await route.AbortAsync("connectionreset");
        });
        session.AllowAbortedRequest("/api/v1/jobs/");
        var page = new PplPage(session.Page);

        await page.UploadBothAsync(RepoPaths.Sample("character-girl-on-white.jpg"), RepoPaths.Sample("product-serum-on-beige.jpg"));
        await page.Prompt.FillAsync("세럼을 들고 있는 캐릭터");
        await page.Generate.ClickAsync();

        await Expect(page.Card().Status).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
        await Expect(page.Card().ResultImage).ToBeVisibleAsync();
        Assert.True(blocked > 0, "The page never opened the event stream.");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task DropAndPaste_FillTheImageSlots()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var page = new PplPage(session.Page);
        var character = Convert.ToBase64String(await File.ReadAllBytesAsync(RepoPaths.Sample("character-pig-transparent.png")));
        var product = Convert.ToBase64String(await File.ReadAllBytesAsync(RepoPaths.Sample("product-can-transparent.png")));

        // Drop onto the character slot, then paste with nothing focused: the product goes to the first empty slot.
        await page.ImageSlot("캐릭터 이미지").EvaluateAsync("""
            (slot, b64) => {
              const transfer = new DataTransfer();
              transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "pig.png", { type: "image/png" }));
              slot.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
              slot.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            }
            """, character);
        await Expect(page.ImageSlot("캐릭터 이미지").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await session.Page.EvaluateAsync("""
            b64 => {
              const transfer = new DataTransfer();
              transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "can.png", { type: "image/png" }));
              document.activeElement?.blur();
              document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """, product);
        await Expect(page.ImageSlot("제품 이미지").GetByRole(AriaRole.Img)).ToBeVisibleAsync();
        await Expect(page.ImageSlot("제품 이미지").GetByText("500×900")).ToBeVisibleAsync();
        await Expect(page.ImageSlot("캐릭터 이미지").GetByText("800×1000")).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task OversizedImage_IsDownscaledInTheBrowser_BeforeUpload()
    {
        await using var session = await fixture.OpenAsync(PplPage.Path);
        var page = new PplPage(session.Page);

        // A 5-megapixel noise JPEG at full quality is over the 5 MB upload limit; made in the page to keep the repo small.
        var before = await page.ImageSlot("캐릭터 이미지").Locator("input[type=file]").EvaluateAsync<double>("""
            async input => {
              const canvas = document.createElement("canvas");
              canvas.width = 2600; canvas.height = 2000;
              const ctx = canvas.getContext("2d");
              const data = ctx.createImageData(canvas.width, canvas.height);
              const view = new Uint32Array(data.data.buffer);
              let x = 2463534242;
              for (let i = 0; i < view.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; view[i] = (x >>> 0) | 0xff000000; }
              ctx.putImageData(data, 0, 0);
              const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 1));
              const transfer = new DataTransfer();
              transfer.items.add(new File([blob], "huge.jpg", { type: "image/jpeg" }));
              input.files = transfer.files;
              input.dispatchEvent(new Event("change", { bubbles: true }));
              return blob.size;
            }
            """);
        Assert.True(before > 5 * 1024 * 1024, $"The test image is only {before} bytes.");

        await Expect(page.ImageSlot("캐릭터 이미지").GetByText("줄여 다시 인코딩함")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.UploadAsync("제품 이미지", RepoPaths.Sample("product-can-transparent.png"));
        await page.Prompt.FillAsync("노이즈 배경 앞의 캔");
        await page.Generate.ClickAsync();
        await Expect(page.Card().Status).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
        await session.ScreenshotAsync("ppl-downscaled-upload", fullPage: false);
        Assert.Empty(session.Errors);
    }
}
