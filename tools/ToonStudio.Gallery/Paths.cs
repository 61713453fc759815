namespace ToonStudio.Gallery;

internal static class Args
{
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>The repository root: the nearest folder up from here holding ToonStudio.slnx.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ToonStudio.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Run the gallery from inside the ToonStudio repository (ToonStudio.slnx not found).");
    }
}

/// <summary>The sample inputs: the repository's own <c>samples/</c> folder.</summary>
internal static class SamplesFolder
{
    public static string Find()
    {
        var candidate = Path.Combine(RepoRoot.Find(), "samples");
        return Directory.Exists(candidate)
            ? candidate
            : throw new DirectoryNotFoundException($"{candidate} not found; pass --samples DIR.");
    }
}
