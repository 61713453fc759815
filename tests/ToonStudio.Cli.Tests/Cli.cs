using Spectre.Console;

namespace ToonStudio.Cli.Tests;

/// <summary>Runs <c>toonstudio …</c> in-process with a plain-text console, as a script would see it.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        var exit = await CliApp.RunAsync(args, console);
        return (exit, writer.ToString());
    }
}
