namespace ToonStudio.Tests.Shared;

/// <summary>
/// Where the server's own build output is (built with the test project, same configuration). Shared by the test
/// projects that start the real server process; linked into each by its csproj.
/// </summary>
public static class ServerBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>The folder holding ToonStudio.slnx above the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string DllPath { get; } = FindDll();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ToonStudio.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"No ToonStudio.slnx above {AppContext.BaseDirectory}.");
    }

    private static string FindDll()
    {
        var dll = Path.Combine(RepositoryRoot, "src", "ToonStudio.Server", "bin", Configuration, "net10.0", "ToonStudio.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The server build is missing ({dll}): build the solution first.");
    }
}
