namespace ToonStudio.Benchmarks;

/// <summary>The shared sample inputs, found by walking up to a <c>shared/samples</c> folder.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Folder = new(Find);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder.Value, name));

    public static string PathOf(string name) => Path.Combine(Folder.Value, name);

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "samples");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/samples not found above the benchmark folder.");
    }
}
