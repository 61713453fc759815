using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Pages;

/// <summary>One job on a generator page: status, progress, cancel, result and its downloads.</summary>
public sealed class JobCard(ILocator root)
{
    public ILocator Root { get; } = root;

    public ILocator Status => Root.GetByRole(AriaRole.Status);

    public ILocator Progress => Root.GetByRole(AriaRole.Progressbar);

    public ILocator Cancel => Root.GetByRole(AriaRole.Button, new() { Name = "취소" });

    public ILocator Download => Root.GetByRole(AriaRole.Link, new() { Name = "다운로드" });

    public ILocator PrintFile => Root.GetByRole(AriaRole.Link, new() { Name = "인쇄용 파일" });

    public ILocator Again => Root.GetByRole(AriaRole.Button, new() { Name = "새 시드로 다시 생성" });

    public ILocator ResultImage => Root.GetByRole(AriaRole.Img, new() { NameRegex = new("^생성된 이미지") });

    public ILocator Error => Root.GetByRole(AriaRole.Alert);

    public Task<string?> JobIdAsync() => Root.GetAttributeAsync("data-job-id");
}
