using Spectre.Console.Cli;
using ToonStudio.Cli;

return await CliApp.RunAsync(args, Spectre.Console.AnsiConsole.Console);
