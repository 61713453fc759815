using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Ppl;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Engines.Local;

/// <summary>The offline engine: the compositor for PPL and the template renderer for goods. Needs no key.</summary>
public sealed class LocalEngine(PplCompositor compositor, GoodsRenderer renderer, IOptions<LocalEngineOptions> options) : IImageEngine
{
    /// <summary>The name requests, job rows and configuration use for this engine.</summary>
    public const string EngineName = "local";

    public string Name => EngineName;

    public int MaxInputEdge => options.Value.MaxInputEdge;

    public EngineAvailability Availability { get; } = new(EngineName, true, null, [JobKind.Ppl, JobKind.Goods], Remote: false);

    public async Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct)
    {
        await reporter.ReportAsync("generating", 0.1, ct);
        var inputs = request.Inputs;
        var p = request.Parameters;
        var format = p.OutputFormat;
        if (request.Kind == JobKind.Ppl)
        {
            var image = compositor.Compose(new PplRequest(inputs[0].Png, inputs[1].Png, p.Prompt, p.AspectRatio, p.Seed, format));
            return new EngineResult(image.Bytes, image.ContentType, []);
        }
        var goodsType = p.GoodsType ?? throw new InvalidOperationException("A goods job without a goods type passed validation.");
        var rendering = renderer.Render(new GoodsRequest(inputs[0].Png, goodsType, p.GoodsColor, p.Prompt, p.AspectRatio, p.Seed, format));
        var artifacts = rendering.PrintFiles.Select(f => new EngineArtifact(f.Name, f.ContentType, f.Bytes)).ToList();
        return new EngineResult(rendering.Mockup.Bytes, rendering.Mockup.ContentType, artifacts);
    }
}
