using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ToonStudio.Cli.Smoke;

namespace ToonStudio.Cli.Tests;

public sealed class BatchTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "toonstudio-batch-" + Guid.NewGuid().ToString("N"));

    private string Characters => Path.Combine(_root, "characters");

    private string Out => Path.Combine(_root, "out");

    public BatchTests() => Directory.CreateDirectory(Characters);

    [Fact]
    public async Task Batch_RerunAfterPartialLoss_SkipsDoneItemsAndReusesTheServersJob()
    {
        using var server = new LiveServer();
        await File.WriteAllBytesAsync(Path.Combine(Characters, "pig.png"), SmokeImages.Character());
        await File.WriteAllBytesAsync(Path.Combine(Characters, "can.png"), SmokeImages.Product());

        var first = await Cli.RunAsync("batch", server.Url, "--characters", Characters, "--types", "mug,sticker", "--out", Out);
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        Assert.Contains("4 made, 0 skipped (already done), 0 failed", first.Output);
        string[] expected = ["can/mug.png", "can/sticker.png", "pig/mug.png", "pig/sticker.png"];
        Assert.Equal(expected, Results());

        File.Delete(Path.Combine(Out, "pig", "mug.png")); // as if the run had been killed before saving it
        var second = await Cli.RunAsync("batch", server.Url, "--characters", Characters, "--types", "mug,sticker", "--out", Out);

        Assert.True(second.ExitCode == ExitCodes.Ok, second.Output);
        Assert.Contains("1 made, 3 skipped (already done), 0 failed", second.Output);
        Assert.Equal(expected, Results());
        Assert.Equal(4, await CountJobsAsync(server.Url)); // the lost item came from its first job: no second generation
    }

    [Fact]
    public async Task Batch_OneCharacterIsNoImage_MakesTheRestAndExitsOne()
    {
        using var server = new LiveServer();
        await File.WriteAllBytesAsync(Path.Combine(Characters, "pig.png"), SmokeImages.Character());
        await File.WriteAllTextAsync(Path.Combine(Characters, "broken.png"), "this is not a picture");

        var (exit, output) = await Cli.RunAsync("batch", server.Url, "--characters", Characters, "--types", "mug", "--out", Out);

        Assert.True(exit == ExitCodes.Failed, output);
        Assert.Contains("FAIL broken/mug: 415 unsupported_image", output);
        Assert.Contains("1 made, 0 skipped (already done), 1 failed", output);
        Assert.Equal(["pig/mug.png"], Results());
    }

    [Fact]
    public async Task Batch_ServerDown_ExitsTwoAndSaysHowToResume()
    {
        await File.WriteAllBytesAsync(Path.Combine(Characters, "pig.png"), SmokeImages.Character());

        var (exit, output) = await Cli.RunAsync("batch", "http://127.0.0.1:9", "--characters", Characters, "--types", "mug", "--out", Out);

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains("Cannot reach ToonStudio at http://127.0.0.1:9/", output);
        Assert.Contains("Rerun the same command to resume", output);
    }

    private string[] Results() => Directory.Exists(Out)
        ? [.. Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
        : [];

    private static async Task<int> CountJobsAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var page = await http.GetFromJsonAsync<JsonObject>("/api/v1/jobs?kind=goods&limit=100");
        return page?["items"]?.AsArray().Count ?? throw new InvalidOperationException("no items array in the history answer");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
