using System.Reflection;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>Where the suite finds the server build, the sample images and its artefact folder.</summary>
public static class RepoPaths
{
    private static readonly string TestDirectory = AppContext.BaseDirectory;

    public static string Root { get; } = FindUp(d => File.Exists(Path.Combine(d, "ToonStudio.slnx")))
        ?? throw new InvalidOperationException($"No ToonStudio.slnx above {TestDirectory}.");

    /// <summary>The same configuration (Debug/Release) as this test assembly.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ServerProject => Path.Combine(Root, "src", "ToonStudio.Server");

    public static string ServerDll
    {
        get
        {
            var dll = Path.Combine(ServerProject, "bin", Configuration, "net10.0", "ToonStudio.Server.dll");
            return File.Exists(dll) ? dll
                : throw new FileNotFoundException($"The server is not built in {Configuration}: {dll}. Build the E2E project (it references the server).");
        }
    }

    /// <summary>The repository's own sample images (<c>samples/</c> beside ToonStudio.slnx).</summary>
    public static string Samples { get; } = Directory.Exists(Path.Combine(Root, "samples"))
        ? Path.Combine(Root, "samples")
        : throw new DirectoryNotFoundException($"No samples folder in {Root}; the E2E tests need the sample images.");

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "e2e");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string? FindUp(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
