namespace ToonStudio.Imaging.Ppl;

/// <summary>
/// A local product-placement composite. Images are encoded (PNG/JPEG/WebP, already through intake).
/// <paramref name="AspectRatio"/> is one of the Replicate enum values, including <c>match_input_image</c>.
/// </summary>
public sealed record PplRequest(
    ReadOnlyMemory<byte> Character,
    ReadOnlyMemory<byte> Product,
    string Prompt,
    string AspectRatio,
    long Seed,
    OutputFormat Format);
