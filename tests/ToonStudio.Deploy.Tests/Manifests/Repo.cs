namespace ToonStudio.Deploy.Tests.Manifests;

internal static class Repo
{
    /// <summary>The repository root: the folder above the test binaries that holds ToonStudio.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string K8s => Path.Combine(Root, "deploy", "k8s");

    public static string Docs(string name) => Path.Combine(Root, "docs", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ToonStudio.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ToonStudio.slnx not found above {AppContext.BaseDirectory}");
    }
}
