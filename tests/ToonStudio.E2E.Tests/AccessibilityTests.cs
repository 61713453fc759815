using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ToonStudio.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ToonStudio.E2E.Tests;

/// <summary>axe-core finds no serious or critical violation on any page, in Korean (the default) and in English.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccessibilityTests(E2EFixture fixture)
{
    private const string ApiKey = "a11y-key-0123456789";

    [Theory]
    [InlineData("/", "ko")]
    [InlineData("/", "en")]
    [InlineData("/ppl-gen/", "ko")]
    [InlineData("/ppl-gen/", "en")]
    [InlineData("/goods-gen/", "ko")]
    [InlineData("/goods-gen/", "en")]
    [InlineData("/history/", "ko")]
    [InlineData("/history/", "en")]
    public async Task Page_HasNoSeriousOrCriticalAxeViolation(string path, string language)
    {
        if (path == "/history/")
        {
            await EnsureHistoryHasAFinishedAndAFailedJobAsync();
        }
        await using var session = await fixture.OpenAsync(path);
        await SetLanguageAsync(session.Page, language);

        await AssertNoSeriousViolationsAsync(session.Page, $"{path} ({language})");
        await session.ScreenshotAsync($"a11y-{(path.Trim('/') is { Length: > 0 } name ? name : "home")}-{language}");
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task LoginPage_WhenApiKeysAreOn_HasNoSeriousOrCriticalAxeViolation(string language)
    {
        var data = Path.Combine(Path.GetTempPath(), $"toonstudio-e2e-a11y-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            await using var server = await ServerProcess.StartAsync(data,
                new Dictionary<string, string> { ["ToonStudio:Auth:ApiKeys:0"] = ApiKey, ["ToonStudio:Engines:Ppl"] = "local" },
                new Dictionary<string, string>());
            await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl.ToString(), Locale = "ko-KR" });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/ppl-gen/");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login/"));
            await SetLanguageAsync(page, language);

            await AssertNoSeriousViolationsAsync(page, $"/login/ ({language})");

            // The error state too: the alert that a wrong key shows is part of the page.
            await page.Locator("input[type=password], input[name=key], input").First.FillAsync("wrong-key");
            await page.GetByRole(AriaRole.Button).Last.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await AssertNoSeriousViolationsAsync(page, $"/login/ with an error ({language})");
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The history page renders a thumbnail per job: one with a result and one without, whatever ran before.</summary>
    private async Task EnsureHistoryHasAFinishedAndAFailedJobAsync()
    {
        using var api = new ApiClient(fixture.Server.BaseUrl);
        var done = await api.CreateAndWaitAsync("goods", "", ("input_image", RepoPaths.Sample("character-girl-on-white.jpg")));
        Assert.Equal("succeeded", done.GetProperty("status").GetString());

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("bfl"), "engine" },
            { new StringContent($"[fake:end=request-moderated polls=1 tag=a11y-{Guid.NewGuid():N}]"), "prompt" },
        };
        var image = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.Sample("character-girl-on-white.jpg")));
        image.Headers.ContentType = new("image/jpeg");
        form.Add(image, "input_image", "girl.jpg");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = form };
        request.Headers.Add("Prefer", "wait=30");
        using var response = await http.SendAsync(request);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("status").GetString() == "failed", $"The moderated job ended {json}.");
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (language != "ko")
        {
            await page.EvaluateAsync("lang => localStorage.setItem('toonstudio.lang', lang)", language);
            await page.ReloadAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Any.FirstOrDefault()?.Message}"))}"));
        Assert.True(serious.Count == 0, $"{what}: {serious.Count} serious/critical axe violation(s):\n{report}");
        Assert.NotEmpty(result.Passes);
    }
}
