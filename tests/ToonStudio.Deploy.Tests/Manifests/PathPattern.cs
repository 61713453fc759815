namespace ToonStudio.Deploy.Tests.Manifests;

/// <summary>Segment-wise matching of request paths against route patterns (<c>{id}</c>, <c>{**rest}</c>).</summary>
internal static class PathPattern
{
    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="pattern"/> (prefix: false) or a leading part of it by
    /// whole segments (prefix: true), parameters matching any one segment and catch-alls the rest.
    /// </summary>
    public static bool Matches(string pattern, string path, bool prefix)
    {
        var want = Segments(path);
        var have = Segments(pattern);
        for (var i = 0; i < want.Length; i++)
        {
            if (i >= have.Length)
            {
                return false;
            }

            if (have[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return true;
            }

            var parameter = have[i].StartsWith('{') && have[i].EndsWith('}');
            if (!parameter && !string.Equals(have[i], want[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return prefix || want.Length == have.Length;
    }

    public static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
