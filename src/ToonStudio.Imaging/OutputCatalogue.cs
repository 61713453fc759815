using System.Globalization;

namespace ToonStudio.Imaging;

/// <summary>
/// The one list of what a request may ask of its output: the aspect ratios (FLUX Kontext's fourteen values) and the
/// output formats with their wire names. The server validates against it, the engines map from it, the web UI reads
/// it from <c>GET /api/v1/engines</c>.
/// </summary>
public static class OutputCatalogue
{
    /// <summary>The ratio of the (first) input image, clamped to 21:9 … 9:21.</summary>
    public const string MatchInput = "match_input_image";

    /// <summary>The fixed W:H ratios, in the order a form lists them.</summary>
    public static IReadOnlyList<string> FixedAspectRatios { get; } =
        ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "4:5", "5:4", "21:9", "9:21", "2:1", "1:2"];

    /// <summary><see cref="MatchInput"/> first, then the fixed ratios: every value <c>aspect_ratio</c> accepts.</summary>
    public static IReadOnlyList<string> AspectRatios { get; } = [MatchInput, .. FixedAspectRatios];

    /// <summary>The wire names of <see cref="OutputFormat"/>, in the order a form offers them.</summary>
    public static IReadOnlyList<string> OutputFormats { get; } = ["png", "jpeg", "webp"];

    /// <summary>Every value <c>output_format</c> accepts: <see cref="OutputFormats"/> and <c>jpg</c> for <c>jpeg</c>.</summary>
    public static IReadOnlyList<string> AcceptedOutputFormats { get; } = ["png", "jpeg", "jpg", "webp"];

    public static bool IsKnownAspectRatio(string aspectRatio) => AspectRatios.Contains(aspectRatio);

    /// <summary>Width ÷ height of a fixed ratio such as <c>16:9</c>.</summary>
    public static double RatioValue(string aspectRatio)
    {
        if (!FixedAspectRatios.Contains(aspectRatio))
        {
            throw new ArgumentException(
                $"Unknown aspect ratio '{aspectRatio}'. Allowed: {string.Join(", ", AspectRatios)}.", nameof(aspectRatio));
        }
        var parts = aspectRatio.Split(':');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Parses an <c>output_format</c> value (case and surrounding space ignored, <c>jpg</c> = <c>jpeg</c>).</summary>
    public static bool TryParseOutputFormat(string? value, out OutputFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "png":
                format = OutputFormat.Png;
                return true;
            case "jpeg" or "jpg":
                format = OutputFormat.Jpeg;
                return true;
            case "webp":
                format = OutputFormat.Webp;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The name a request and a job's parameters use: <c>png</c>, <c>jpeg</c>, <c>webp</c>.</summary>
    public static string WireName(OutputFormat format) => format switch
    {
        OutputFormat.Png => "png",
        OutputFormat.Jpeg => "jpeg",
        OutputFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };
}
