using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>A page in its own context, which records console errors (CSP violations show up there).</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.Contains("status of 4", StringComparison.Ordinal))
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Saves a screenshot under artifacts/e2e/ (kept by CI as a test artefact).</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(RepoPaths.Artifacts, $"{name}.png");
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
