namespace ToonStudio.Benchmarks;

/// <summary>The repository's sample inputs: <c>samples/</c> in the nearest folder up that holds ToonStudio.slnx.</summary>
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
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(dir.FullName, "ToonStudio.slnx")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("No samples/ folder beside a ToonStudio.slnx above the benchmark folder.");
    }
}
