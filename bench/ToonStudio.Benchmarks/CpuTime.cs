using System.Diagnostics;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Ppl;

namespace ToonStudio.Benchmarks;

/// <summary>
/// <c>--cpu</c>: CPU time per operation (process user+system time over N runs, one thread). On a shared,
/// oversubscribed machine wall-clock medians mostly measure the neighbours; CPU time is what one render
/// costs a core. Reported beside the BenchmarkDotNet figures, never instead of them.
/// </summary>
internal static class CpuTime
{
    public static void Run(int runs = 20)
    {
        var pig = Samples.Read("character-pig-transparent.png");
        var girl = Samples.Read("character-girl-on-white.jpg");
        var can = Samples.Read("product-can-transparent.png");
        var bag = Samples.Read("product-handbag-photo.jpg");
        var compositor = new PplCompositor();
        Measure("PPL 1024² alpha inputs (pig + can)", runs, () => compositor.Compose(new PplRequest(pig, can, "holding", "1:1", 7, OutputFormat.Jpeg)));
        Measure("PPL 1024² photo inputs (girl + bag)", runs, () => compositor.Compose(new PplRequest(girl, bag, "next to", "1:1", 7, OutputFormat.Jpeg)));
        foreach (var type in GoodsCatalog.All)
        {
            Measure($"mockup {type.Id}", runs, () => GoodsRenderer.RenderMockup(new GoodsRequest(pig, type.Id, null, "", "match_input_image", 42, OutputFormat.Jpeg)));
        }

        Measure("all ten mockups", Math.Max(3, runs / 5), () =>
        {
            foreach (var type in GoodsCatalog.All)
            {
                GoodsRenderer.RenderMockup(new GoodsRequest(pig, type.Id, null, "", "match_input_image", 42, OutputFormat.Jpeg));
            }
        });
        foreach (var type in GoodsCatalog.All)
        {
            Measure($"mockup + print files {type.Id}", Math.Max(3, runs / 4), () => new GoodsRenderer().Render(new GoodsRequest(pig, type.Id, null, "", "match_input_image", 42, OutputFormat.Jpeg)));
        }
    }

    private static void Measure(string name, int runs, Action action)
    {
        action();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            action();
        }

        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Console.WriteLine($"| {name,-40} | {cpuMs,8:F1} | {wall.Elapsed.TotalMilliseconds / runs,8:F1} |");
    }
}
