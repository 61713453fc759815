using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Generation;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Catalog;

/// <summary>What a client can ask for: engines usable now, aspect ratios, output formats, goods types, limits.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Catalog");
        group.MapGet("/engines", GetEngines).WithName(nameof(GetEngines));
        group.MapGet("/goods/types", GetGoodsTypes).WithName(nameof(GetGoodsTypes));
        return group;
    }

    /// <summary>One engine in <c>GET /api/v1/engines</c>: whether it is configured, what it lacks, which kinds it makes.</summary>
    public sealed record EngineResponse(string Name, bool Configured, string? MissingSetting, IReadOnlyList<string> Kinds, bool Remote);
    /// <summary>The engine each kind uses when a request names none.</summary>
    public sealed record Defaults(string Ppl, string Goods);
    /// <summary>The request limits a form shows before it sends anything.</summary>
    public sealed record Limits(long MaxUploadBytes, long MaxPixels, int MaxPromptLength, int MaxBatchSize, double TimeoutSeconds);
    /// <summary>The answer of <c>GET /api/v1/engines</c>: engines, defaults, limits and the catalogue of ratios and formats.</summary>
    /// <param name="AspectRatios">Every <c>aspect_ratio</c> value, <c>match_input_image</c> first (from <see cref="OutputCatalogue"/>).</param>
    /// <param name="OutputFormats">The <c>output_format</c> values a form offers, the default first.</param>
    public sealed record EnginesResponse(IReadOnlyList<EngineResponse> Engines, Defaults Defaults, Limits Limits,
        IReadOnlyList<string> AspectRatios, IReadOnlyList<string> OutputFormats);

    /// <summary>A name in Korean and English.</summary>
    public sealed record LocalizedName(string Ko, string En);
    /// <summary>A colour a goods type comes in.</summary>
    public sealed record ColorResponse(string Id, string Hex, LocalizedName Name);
    /// <summary>A print area in millimetres.</summary>
    public sealed record PrintSize(double Width, double Height);
    /// <summary>One goods type of the catalogue as the UI shows it.</summary>
    public sealed record GoodsTypeResponse(string Id, LocalizedName Name, string DefaultAspectRatio, IReadOnlyList<ColorResponse> Colors, PrintSize PrintSizeMm, bool DieCut);
    /// <summary>The answer of <c>GET /api/v1/goods/types</c>.</summary>
    public sealed record GoodsTypesResponse(IReadOnlyList<GoodsTypeResponse> Types);

    public static Ok<EnginesResponse> GetEngines(EngineRegistry registry, IOptions<GenerationOptions> options)
    {
        var engines = EngineRegistry.KnownNames.Select(name => registry.Find(name)?.Availability is { } a
            ? new EngineResponse(a.Name, a.Configured, a.MissingSetting, [.. a.Kinds.Select(JobJson.KindName)], a.Remote)
            : new EngineResponse(name, false, "not part of this build", [], true)).ToList();
        var o = options.Value;
        return TypedResults.Ok(new EnginesResponse(engines,
            new Defaults(registry.DefaultFor(JobKind.Ppl), registry.DefaultFor(JobKind.Goods)),
            new Limits(o.MaxUploadBytes, o.MaxPixels, o.MaxPromptLength, o.MaxBatchSize, o.Timeout.TotalSeconds),
            OutputCatalogue.AspectRatios, OutputCatalogue.OutputFormats));
    }

    public static Ok<GoodsTypesResponse> GetGoodsTypes() => TypedResults.Ok(new GoodsTypesResponse([.. GoodsCatalog.All.Select(t =>
        new GoodsTypeResponse(t.Id, new LocalizedName(t.NameKo, t.NameEn), t.DefaultAspectRatio,
            [.. t.Colors.Select(c => new ColorResponse(c.Id, c.Hex, new LocalizedName(c.NameKo, c.NameEn)))],
            new PrintSize(t.PrintWidthMm, t.PrintHeightMm), t.DieCut))]));
}
