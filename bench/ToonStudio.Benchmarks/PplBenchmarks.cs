using BenchmarkDotNet.Attributes;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Ppl;

namespace ToonStudio.Benchmarks;

/// <summary>A local PPL composite at 1024×1024, encoded as JPEG, from the repository's samples.</summary>
[MemoryDiagnoser]
public class PplBenchmarks
{
    private readonly PplCompositor _compositor = new();
    private PplRequest _alpha = null!;
    private PplRequest _photo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _alpha = new PplRequest(Samples.Read("character-pig-transparent.png"), Samples.Read("product-can-transparent.png"), "holding the can", "1:1", 7, OutputFormat.Jpeg);
        _photo = new PplRequest(Samples.Read("character-girl-on-white.jpg"), Samples.Read("product-handbag-photo.jpg"), "next to the bag", "1:1", 7, OutputFormat.Jpeg);
    }

    /// <summary>Both inputs carry alpha: no background estimation.</summary>
    [Benchmark]
    public int Ppl_AlphaInputs_1024() => _compositor.Compose(_alpha).Bytes.Length;

    /// <summary>Both inputs are JPEGs on backgrounds: two flood-fill cutouts.</summary>
    [Benchmark]
    public int Ppl_PhotoInputs_1024() => _compositor.Compose(_photo).Bytes.Length;
}
