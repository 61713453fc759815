using ToonStudio.Imaging;

namespace ToonStudio.Server.Engines;

/// <summary>The request's output_format values and what they mean.</summary>
public static class OutputFormats
{
    public static string Normalize(string value) => value.Trim().ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => "jpeg",
        var other => other,
    };

    public static OutputFormat Parse(string value) => Normalize(value) switch
    {
        "jpeg" => OutputFormat.Jpeg,
        "webp" => OutputFormat.Webp,
        _ => OutputFormat.Png,
    };

    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        "image/svg+xml" => "svg",
        _ => "png",
    };
}
