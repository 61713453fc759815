namespace ToonStudio.Cli;

/// <summary>What scripts and CI steps can branch on.</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed / every item is done.</summary>
    public const int Ok = 0;

    /// <summary>The server answered, but a check or a job failed.</summary>
    public const int Failed = 1;

    /// <summary>No answer from the server at all (down, wrong URL, DNS, TLS).</summary>
    public const int Unreachable = 2;
}
