namespace ToonStudio.Imaging.Layout;

/// <summary>
/// Output sizes as FLUX picks them: about one megapixel, both sides multiples of 16, so a local
/// render and a remote one answer the same request with the same pixel size.
/// </summary>
public static class CanvasSize
{
    public const string MatchInput = "match_input_image";

    private const double TargetPixels = 1024.0 * 1024.0;

    public static IReadOnlyList<string> AspectRatios { get; } =
    [
        MatchInput, "1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3", "4:5", "5:4", "21:9", "9:21", "2:1", "1:2",
    ];

    public static bool IsKnown(string aspectRatio) => AspectRatios.Contains(aspectRatio);

    /// <summary>The canvas for <paramref name="aspectRatio"/>; <c>match_input_image</c> uses the given size's ratio.</summary>
    public static (int Width, int Height) For(string aspectRatio, int matchWidth, int matchHeight)
    {
        ArgumentNullException.ThrowIfNull(aspectRatio);
        double ratio;
        if (aspectRatio == MatchInput)
        {
            if (matchWidth <= 0 || matchHeight <= 0)
            {
                throw new ArgumentException("match_input_image needs the input image's size.", nameof(matchWidth));
            }

            // FLUX clamps free ratios to 21:9 … 9:21; do the same so a panorama input stays sane.
            ratio = Math.Clamp((double)matchWidth / matchHeight, 9.0 / 21.0, 21.0 / 9.0);
        }
        else
        {
            ratio = Parse(aspectRatio);
        }

        var width = Math.Sqrt(TargetPixels * ratio);
        var height = width / ratio;
        return (RoundTo16(width), RoundTo16(height));
    }

    private static double Parse(string aspectRatio)
    {
        if (!IsKnown(aspectRatio))
        {
            throw new ArgumentException(
                $"Unknown aspect ratio '{aspectRatio}'. Allowed: {string.Join(", ", AspectRatios)}.", nameof(aspectRatio));
        }

        var parts = aspectRatio.Split(':');
        return double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)
            / double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int RoundTo16(double value) => Math.Max(16, (int)Math.Round(value / 16.0) * 16);
}
