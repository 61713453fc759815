using Microsoft.Net.Http.Headers;

namespace ToonStudio.Server.Localization;

/// <summary>Korean or English, from Accept-Language; Korean when the client prefers neither.</summary>
public static class Language
{
    public const string Korean = "ko";
    public const string English = "en";

    public static string Of(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values))
        {
            return Korean;
        }
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            if (tag.StartsWith(Korean, StringComparison.OrdinalIgnoreCase))
            {
                return Korean;
            }
            if (tag.StartsWith(English, StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }
        return Korean;
    }
}
