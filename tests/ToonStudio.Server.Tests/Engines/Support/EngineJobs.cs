using SkiaSharp;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>Jobs and normalized inputs as the intake would hand them to an engine.</summary>
public static class EngineJobs
{
    public static Job Make(JobKind kind, string prompt, string engine, string format = "png", int safety = 2, string aspect = "1:1", string? goodsType = null, TimeSpan? deadline = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = kind,
        Engine = engine,
        Parameters = new JobParameters(prompt, aspect, ParseFormat(format), safety, 42, goodsType),
        CreatedAt = DateTimeOffset.UtcNow,
        Deadline = DateTimeOffset.UtcNow + (deadline ?? TimeSpan.FromMinutes(2)),
        InputCount = kind == JobKind.Ppl ? 2 : 1,
    };

    /// <summary>The request's wire name, parsed as the edge does.</summary>
    private static OutputFormat ParseFormat(string format) =>
        OutputCatalogue.TryParseOutputFormat(format, out var parsed) ? parsed : throw new ArgumentException($"Unknown output format '{format}'.", nameof(format));

    public static IReadOnlyList<EngineInput> Inputs(JobKind kind, int edge = 64) =>
        kind == JobKind.Ppl ? [Png(edge, edge, SKColors.Coral), Png(edge, edge / 2, SKColors.SteelBlue)] : [Png(edge, edge, SKColors.Coral)];

    public static EngineInput Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new EngineInput(data.ToArray(), width, height);
    }
}
