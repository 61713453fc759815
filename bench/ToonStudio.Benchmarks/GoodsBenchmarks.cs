using BenchmarkDotNet.Attributes;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;

namespace ToonStudio.Benchmarks;

/// <summary>
/// One mockup per goods type (decode, cutout, template, JPEG encode — no print file), the ten together,
/// and the full render with print files for comparison.
/// </summary>
[MemoryDiagnoser]
public class GoodsBenchmarks
{
    private byte[] _character = null!;

    [Params("tshirt", "hoodie", "mug", "tote-bag", "phone-case", "acrylic-keyring", "sticker", "button-badge", "poster", "cushion")]
    public string Type { get; set; } = "tshirt";

    [GlobalSetup]
    public void Setup() => _character = Samples.Read("character-pig-transparent.png");

    [Benchmark]
    public int Mockup() => GoodsRenderer.RenderMockup(Request(Type)).Bytes.Length;

    [Benchmark]
    public int MockupAndPrintFiles() => new GoodsRenderer().Render(Request(Type)).PrintFiles.Count;

    private GoodsRequest Request(string type) => new(_character, type, null, "", "match_input_image", 42, OutputFormat.Jpeg);
}

/// <summary>All ten mockups for one character, as a goods batch would render them.</summary>
[MemoryDiagnoser]
public class GoodsBatchBenchmarks
{
    private byte[] _character = null!;

    [GlobalSetup]
    public void Setup() => _character = Samples.Read("character-pig-transparent.png");

    [Benchmark]
    public int AllTenMockups()
    {
        var total = 0;
        foreach (var type in GoodsCatalog.All)
        {
            total += GoodsRenderer.RenderMockup(new GoodsRequest(_character, type.Id, null, "", "match_input_image", 42, OutputFormat.Jpeg)).Bytes.Length;
        }

        return total;
    }
}
