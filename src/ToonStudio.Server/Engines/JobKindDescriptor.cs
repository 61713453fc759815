using System.Diagnostics.CodeAnalysis;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Replicate;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Engines;

/// <summary>
/// What makes a job kind itself outside the renderers — its name, its form's inputs, its routes, its usual engines:
/// the one place a new kind starts.
/// </summary>
/// <param name="Name">The kind's name in the API, the history filter, metrics and file names (<see cref="JobJson.KindName"/>).</param>
/// <param name="InputFields">The multipart image fields, each required, in the order the engines receive the images.</param>
/// <param name="PromptRequired">Whether an empty prompt is refused.</param>
/// <param name="TakesGoodsTypes">Whether the request names goods types (one job per type: several make a batch).</param>
/// <param name="Route">The jobs API route that creates one (under <c>/api/v1</c>).</param>
/// <param name="CompatibleRoute">The earlier system's endpoint, which answers the image bytes.</param>
/// <param name="EngineOrder">The remote engines tried, in order, when neither the request nor the configuration names one; each needs its key, else the local engine draws.</param>
public sealed record JobKindDescriptor(
    JobKind Kind,
    string Name,
    IReadOnlyList<string> InputFields,
    bool PromptRequired,
    bool TakesGoodsTypes,
    string Route,
    string CompatibleRoute,
    IReadOnlyList<string> EngineOrder)
{
    /// <summary>Person + product: a character image and a product image, composed by the prompt.</summary>
    public static JobKindDescriptor Ppl { get; } = new(
        JobKind.Ppl, JobJson.KindName(JobKind.Ppl), ["input_image_1", "input_image_2"], PromptRequired: true, TakesGoodsTypes: false,
        "/ppl", "/api/ppl-gen/generate", [ReplicateEngine.EngineName, BflEngine.EngineName]);

    /// <summary>Goods: one character image drawn onto each requested goods type.</summary>
    public static JobKindDescriptor Goods { get; } = new(
        JobKind.Goods, JobJson.KindName(JobKind.Goods), ["input_image"], PromptRequired: false, TakesGoodsTypes: true,
        "/goods", "/api/goods-gen/generate", [BflEngine.EngineName, ReplicateEngine.EngineName]);

    /// <summary>Every kind, in the order the API lists them.</summary>
    public static IReadOnlyList<JobKindDescriptor> All { get; } = [Ppl, Goods];

    public static JobKindDescriptor Of(JobKind kind) =>
        All.FirstOrDefault(d => d.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "A job kind without a descriptor.");

    /// <summary>The kind a name such as <c>ppl</c> (exactly as the API writes it) stands for.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out JobKindDescriptor? descriptor)
    {
        descriptor = All.FirstOrDefault(d => d.Name == name);
        return descriptor is not null;
    }
}
