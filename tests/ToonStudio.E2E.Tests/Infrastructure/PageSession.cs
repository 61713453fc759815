using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>
/// A page in its own context, which records console errors (CSP violations show up there). A failed request is an
/// error too, unless the test declared that exact answer (status and URL) with <see cref="AllowFailedRequest"/>.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<(string Text, string Location)> _errors = [];
    private readonly List<(string Failure, string Url)> _allowed = [];

    public PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add((message.Text, message.Location));
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add((error, ""));
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
                return [.. _errors.Where(e => !_allowed.Any(a => IsFailedRequest(e, a))).Select(e => $"{e.Text} ({e.Location})")];
            }
        }
    }

    /// <summary>Declares a failed request the test provokes on purpose: <paramref name="status"/> from a URL whose path starts with <paramref name="url"/> (such as "/api/v1/ppl").</summary>
    public void AllowFailedRequest(int status, string url) =>
        Allow($"the server responded with a status of {status.ToString(System.Globalization.CultureInfo.InvariantCulture)} ", url);

    /// <summary>Declares a request the test cuts off on purpose (a route it aborts): any network error from a URL whose path starts with <paramref name="url"/>.</summary>
    public void AllowAbortedRequest(string url) => Allow("net::ERR_", url);

    private void Allow(string failure, string url)
    {
        lock (_errors)
        {
            _allowed.Add(($"Failed to load resource: {failure}", url));
        }
    }

    private static bool IsFailedRequest((string Text, string Location) error, (string Failure, string Url) allowed) =>
        error.Text.StartsWith(allowed.Failure, StringComparison.Ordinal)
        && Uri.TryCreate(error.Location, UriKind.Absolute, out var location)
        && location.AbsolutePath.StartsWith(allowed.Url, StringComparison.Ordinal);

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
