namespace ToonStudio.Cli;

/// <summary>
/// <c>toonstudio</c>. A named entry point (not top-level statements), so the server's <c>Program</c> stays the
/// only one when tests reference both projects.
/// </summary>
internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Spectre.Console.AnsiConsole.Console);
}
