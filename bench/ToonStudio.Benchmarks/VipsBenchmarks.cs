using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SkiaSharp;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Ppl;

namespace ToonStudio.Benchmarks;

/// <summary>
/// A yardstick: libvips (Debian's libvips-tools) doing a comparable resize + composite + JPEG encode at
/// 1024×1024 — two CLI calls, so process start-up is included — next to the same three steps in Skia
/// and to the full local PPL composite. The ratio tells how much our extra work (cutout, shadows,
/// harmony) costs over the bare operations.
/// </summary>
[MemoryDiagnoser]
public class VipsBenchmarks
{
    // One folder per setup: a cleanup of an earlier case must never remove a later case's files.
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"toonstudio-vips-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private byte[] _pig = null!;
    private PplRequest _ppl = null!;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_work);
        _pig = Samples.Read("character-pig-transparent.png");
        _ppl = new PplRequest(_pig, Samples.Read("product-can-transparent.png"), "holding the can", "1:1", 7, OutputFormat.Jpeg);
        Vips("black", $"{_work}/bg0.v 1024 1024 --bands 3");
        Vips("linear", $"{_work}/bg0.v {_work}/bg1.v 1 230");
        Vips("bandjoin_const", $"{_work}/bg1.v {_work}/bg2.v 255");
        Vips("copy", $"{_work}/bg2.v {_work}/bg.v --interpretation srgb");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark(Baseline = true)]
    public void Vips_ResizeCompositeEncode()
    {
        Vips("thumbnail", $"{Samples.PathOf("character-pig-transparent.png")} {_work}/x.v 720");
        Vips("composite2", $"{_work}/bg.v {_work}/x.v {_work}/out.jpg[Q=90] over --x 150 --y 150");
    }

    [Benchmark]
    public int Skia_ResizeCompositeEncode()
    {
        using var pig = ImageCodec.Decode(_pig, DecodeOptions.Strict);
        using var surface = SKSurface.Create(new SKImageInfo(1024, 1024));
        surface.Canvas.Clear(new SKColor(230, 230, 230));
        using var image = SKImage.FromBitmap(pig);
        var dest = SKRect.Create(150, 150, 576, 720);
        surface.Canvas.DrawImage(image, dest, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        return ImageCodec.Encode(snapshot, OutputFormat.Jpeg, EncodeProfile.Compact).Bytes.Length;
    }

    [Benchmark]
    public int LocalPplComposite() => new PplCompositor().Compose(_ppl).Bytes.Length;

    private static void Vips(string operation, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("vips", $"{operation} {arguments}") { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("vips did not start (apt-get install libvips-tools).");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vips {operation} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
