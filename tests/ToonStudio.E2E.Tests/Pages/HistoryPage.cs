using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Pages;

/// <summary>/history/: the gallery of past jobs.</summary>
public sealed class HistoryPage(IPage page) : AppShell(page)
{
    public const string Path = "/history/";

    public ILocator Items => Page.GetByRole(AriaRole.Article);

    public ILocator Item(string jobId) => Page.Locator($"article[data-job-id='{jobId}']");

    public ILocator More => Page.GetByRole(AriaRole.Button, new() { Name = "더 보기" });

    public ILocator Filter(string name) => Page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    public ILocator Delete(ILocator item) => item.GetByRole(AriaRole.Button, new() { Name = "삭제" });

    public ILocator ConfirmDelete(ILocator item) => item.GetByRole(AriaRole.Button, new() { Name = "삭제할까요?" });

    public ILocator Open(ILocator item) => item.GetByRole(AriaRole.Link, new() { Name = "열기", Exact = true });
}
