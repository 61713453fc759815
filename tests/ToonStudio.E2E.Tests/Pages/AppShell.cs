using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Pages;

/// <summary>What every page shares: the header navigation and the language toggle.</summary>
public class AppShell(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator SwitchToEnglish => Page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" });

    public ILocator SwitchToKorean => Page.GetByRole(AriaRole.Button, new() { Name = "한국어 화면으로 전환" });

    public ILocator Nav(string name) => Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
