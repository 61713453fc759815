using Spectre.Console;
using Spectre.Console.Cli;
using ToonStudio.Cli.Batch;
using ToonStudio.Cli.Smoke;

namespace ToonStudio.Cli;

/// <summary>The <c>toonstudio</c> command line; tests run it in-process with their own console.</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken ct = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("toonstudio");
            config.ConfigureConsole(console);
            config.AddCommand<SmokeCommand>("smoke")
                .WithDescription("Post-deploy check: health, readiness, one PPL and one goods job with timings")
                .WithExample("smoke", "https://toonstudio.example.com");
            config.AddCommand<BatchCommand>("batch")
                .WithDescription("Goods for a folder of characters; resumable; non-zero exit on failures")
                .WithExample("batch", "https://toonstudio.example.com", "--characters", "./chars", "--types", "mug,sticker", "--out", "./goods");
        });
        return app.RunAsync(args, ct);
    }
}
