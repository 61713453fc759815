namespace ToonStudio.Server.Security;

/// <summary>
/// The login form's <c>return</c> target, reduced to a path on this site. Browsers strip tab, CR and LF from URLs
/// and read <c>\</c> as <c>/</c>, so <c>/%09/evil.example/</c> or <c>/\evil</c> would leave the site right after
/// the user typed a real key. The value is decoded until it stops changing, and any decoding step that shows a
/// control character, a backslash, a leading <c>//</c> or anything but a leading <c>/</c> sends the user to <c>/</c>.
/// </summary>
public static class ReturnPath
{
    public const string Fallback = "/";
    private const int MaxLength = 2000;
    private const int MaxDecodes = 5;

    public static string Local(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.Any(c => c is < '!' or > '~'))
        {
            // Non-printable or non-ASCII (spaces included) in the raw value: a Location header carries none of them.
            return Fallback;
        }
        var current = value;
        for (var i = 0; i <= MaxDecodes; i++)
        {
            if (!IsSafe(current))
            {
                return Fallback;
            }
            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current)
            {
                return value;
            }
            current = decoded;
        }
        return Fallback; // still changing after several decodes: nothing a real page links to
    }

    private static bool IsSafe(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.Any(c => char.IsControl(c) || c == '\\' || (char.IsWhiteSpace(c) && c != ' '));
}
