using Microsoft.Playwright;

namespace ToonStudio.E2E.Tests.Pages;

/// <summary>The parts both generator pages share: image slots, prompt, engine, submit and the job cards.</summary>
public abstract class GeneratorPage(IPage page) : AppShell(page)
{
    public ILocator ImageSlot(string label) => Page.GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    public Task UploadAsync(string label, string file) => ImageSlot(label).Locator("input[type=file]").SetInputFilesAsync(file);

    public ILocator Prompt => Page.GetByLabel("프롬프트");

    public ILocator Engine => Page.GetByLabel("엔진", new() { Exact = true });

    public ILocator Output => Page.GetByRole(AriaRole.Region, new() { Name = "결과" });

    public ILocator Cards => Output.GetByRole(AriaRole.Article);

    public JobCard Card(int index = 0) => new(Cards.Nth(index));

    public ILocator FieldError(string text) => Page.GetByText(text);
}

public sealed class PplPage(IPage page) : GeneratorPage(page)
{
    public const string Path = "/ppl-gen/";

    public ILocator Generate => Page.GetByRole(AriaRole.Button, new() { Name = "PPL 이미지 생성" });

    public async Task UploadBothAsync(string character, string product)
    {
        await UploadAsync("캐릭터 이미지", character);
        await UploadAsync("제품 이미지", product);
    }
}

public sealed class GoodsPage(IPage page) : GeneratorPage(page)
{
    public const string Path = "/goods-gen/";

    public ILocator GoodsType(string name) => Page.GetByRole(AriaRole.Checkbox, new() { Name = name });

    public ILocator Generate => Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^(굿즈 시안 생성|굿즈 \\d+종 한 번에 생성)$") });
}
