namespace ToonStudio.Samples;

/// <summary>The repository root: the nearest folder up from the working directory holding ToonStudio.slnx.</summary>
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

        throw new DirectoryNotFoundException("Run from inside the ToonStudio repository (ToonStudio.slnx not found), or pass --out DIR.");
    }
}
