namespace ToonStudio.Imaging.Goods;

/// <summary>A local goods mockup. <paramref name="Color"/> is a colour id of the type, or null for its default.</summary>
public sealed record GoodsRequest(
    ReadOnlyMemory<byte> Character,
    string GoodsType,
    string? Color,
    string Prompt,
    string AspectRatio,
    long Seed,
    OutputFormat Format);

/// <summary>A file for the printer: <c>print.png</c> (PNG with alpha and DPI), <c>cutline.svg</c> for die-cut types.</summary>
public sealed record PrintFile(string Name, string ContentType, byte[] Bytes);

/// <summary>A rendered goods mockup and its print files.</summary>
public sealed record GoodsRendering(EncodedImage Mockup, IReadOnlyList<PrintFile> PrintFiles);

/// <summary>A colour a goods type comes in, named in Korean and English.</summary>
public sealed record GoodsColor(string Id, string Hex, string NameKo, string NameEn);

/// <summary>One goods type of the catalogue: names, the AI engines' prompt, print size, colours.</summary>
public sealed record GoodsTypeInfo(
    string Id,
    string NameKo,
    string NameEn,
    string PromptEn,
    string DefaultAspectRatio,
    IReadOnlyList<GoodsColor> Colors,
    double PrintWidthMm,
    double PrintHeightMm,
    bool DieCut);
