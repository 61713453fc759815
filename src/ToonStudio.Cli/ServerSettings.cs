using System.ComponentModel;
using Spectre.Console.Cli;

namespace ToonStudio.Cli;

/// <summary>What every command needs to reach a deployment.</summary>
internal class ServerSettings : CommandSettings
{
    [CommandArgument(0, "<URL>")]
    [Description("The deployment's base URL, e.g. https://toonstudio.example.com")]
    public string Url { get; init; } = "";

    [CommandOption("--api-key <KEY>")]
    [Description("When the server requires one (ToonStudio:Auth:ApiKeys); default: the TOONSTUDIO_API_KEY variable")]
    public string? ApiKey { get; init; } = Environment.GetEnvironmentVariable("TOONSTUDIO_API_KEY");

    [CommandOption("--timeout <SECONDS>")]
    [Description("Give up on a job after this long (default 180: the 2-minute deadline plus margin)")]
    [DefaultValue(180)]
    public int TimeoutSeconds { get; init; } = 180;
}
