namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>Where the server's own build output is: built with this project (same configuration).</summary>
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
            : throw new InvalidOperationException($"The server build is missing ({dll ?? "no ToonStudio.slnx above this program"}): build this project first.");
    }
}
