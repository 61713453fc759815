namespace ToonStudio.Imaging.Layout;

/// <summary>
/// Output sizes as FLUX picks them: about one megapixel, both sides multiples of 16, so a local
/// render and a remote one answer the same request with the same pixel size.
/// </summary>
public static class CanvasSize
{
    private const double TargetPixels = 1024.0 * 1024.0;

    public static bool IsKnown(string aspectRatio) => OutputCatalogue.IsKnownAspectRatio(aspectRatio);

    /// <summary>The canvas for <paramref name="aspectRatio"/>; <c>match_input_image</c> uses the given size's ratio.</summary>
    public static (int Width, int Height) For(string aspectRatio, int matchWidth, int matchHeight)
    {
        ArgumentNullException.ThrowIfNull(aspectRatio);
        double ratio;
        if (aspectRatio == OutputCatalogue.MatchInput)
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
            ratio = OutputCatalogue.RatioValue(aspectRatio);
        }

        var width = Math.Sqrt(TargetPixels * ratio);
        var height = width / ratio;
        return (RoundTo16(width), RoundTo16(height));
    }

    private static int RoundTo16(double value) => Math.Max(16, (int)Math.Round(value / 16.0) * 16);
}
