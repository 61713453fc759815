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

    public static string DllPath { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ToonStudio.slnx")))
        {
            dir = dir.Parent;
        }
        var dll = dir is null ? null : Path.Combine(dir.FullName, "src", "ToonStudio.Server", "bin", Configuration, "net10.0", "ToonStudio.Server.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"The server build is missing ({dll ?? "no ToonStudio.slnx above the tests"}): build the solution first.");
    }
}
