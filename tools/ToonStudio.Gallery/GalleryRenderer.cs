using SkiaSharp;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Ppl;

namespace ToonStudio.Gallery;

/// <summary>Renders the gallery through the public engine API, then shrinks each image to a small JPEG.</summary>
internal static class GalleryRenderer
{
    private const int ThumbEdge = 720;
    private const long MaxBytes = 150 * 1024;

    private static readonly (string Name, string Character, string Product, string Prompt, string Aspect, long Seed)[] Ppl =
    [
        ("ppl-holding", "character-pig-transparent.png", "product-can-transparent.png", "돼지 캐릭터가 음료수 캔을 들고 있는 광고", "1:1", 7),
        ("ppl-next-to", "character-girl-on-white.jpg", "product-handbag-photo.jpg", "the girl standing next to the handbag, catalogue style", "4:3", 11),
        ("ppl-on-table", "character-girl-on-white.jpg", "product-serum-on-beige.jpg", "serum on the table in front of her", "3:4", 5),
    ];

    private static readonly Dictionary<string, string> Colors = new()
    {
        ["hoodie"] = "navy",
        ["mug"] = "sky-blue",
        ["phone-case"] = "lavender",
        ["button-badge"] = "yellow",
        ["cushion"] = "blush",
    };

    public static List<(string File, long Bytes)> RenderAll(string samples, string output, bool full)
    {
        var written = new List<(string, long)>();
        byte[] Read(string name) => File.ReadAllBytes(Path.Combine(samples, name));

        var compositor = new PplCompositor();
        foreach (var (name, character, product, prompt, aspect, seed) in Ppl)
        {
            var image = compositor.Compose(new PplRequest(Read(character), Read(product), prompt, aspect, seed, OutputFormat.Png));
            written.Add(Save(image, output, name, full));
        }

        var renderer = new GoodsRenderer();
        var pig = Read("character-pig-transparent.png");
        var girl = Read("character-girl-on-white.jpg");
        var index = 0;
        foreach (var type in GoodsCatalog.All)
        {
            // Alternate the two characters so both cutout paths (alpha and background removal) are shown,
            // and show some product colours besides each type's default.
            var art = index++ % 2 == 0 ? pig : girl;
            Colors.TryGetValue(type.Id, out var color);
            var rendering = renderer.Render(new GoodsRequest(art, type.Id, color, string.Empty, "match_input_image", 42, OutputFormat.Png));
            written.Add(Save(rendering.Mockup, output, $"goods-{type.Id}", full));
        }

        return written;
    }

    private static (string, long) Save(EncodedImage image, string output, string name, bool full)
    {
        using var decoded = ImageCodec.Decode(image.Bytes, DecodeOptions.Strict);
        if (full)
        {
            File.WriteAllBytes(Path.Combine(output, name + ".png"), image.Bytes);
        }

        var scale = Math.Min(1f, (float)ThumbEdge / Math.Max(decoded.Width, decoded.Height));
        var info = new SKImageInfo((int)(decoded.Width * scale), (int)(decoded.Height * scale));
        using var small = decoded.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var smallImage = SKImage.FromBitmap(small);
        var path = Path.Combine(output, name + ".jpg");
        for (var quality = 86; ; quality -= 6)
        {
            var data = ImageCodec.Encode(smallImage, OutputFormat.Jpeg, EncodeProfile.Compact with { JpegQuality = quality }).Bytes;
            if (data.Length <= MaxBytes || quality <= 50)
            {
                File.WriteAllBytes(path, data);
                return (Path.GetFileName(path), data.Length);
            }
        }
    }
}
