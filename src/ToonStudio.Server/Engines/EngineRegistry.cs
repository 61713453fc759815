using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Local;
using ToonStudio.Server.Engines.Replicate;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Engines;

/// <summary>The engines this build has, and the rule that picks one for a request.</summary>
public sealed class EngineRegistry(IEnumerable<IImageEngine> engines, IOptions<EngineSelectionOptions> selection)
{
    /// <summary>Every engine name a request may give, whether or not this build or configuration has it.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [LocalEngine.EngineName, ReplicateEngine.EngineName, BflEngine.EngineName];

    private readonly Dictionary<string, IImageEngine> _engines = engines.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IImageEngine> All => _engines.Values;

    public IImageEngine? Find(string name) => _engines.GetValueOrDefault(name);

    /// <summary>The engine for a request: the named one (which must be usable), else the configured or usual default.</summary>
    public IImageEngine Resolve(string? requested, JobKind kind)
    {
        var name = string.IsNullOrWhiteSpace(requested) ? DefaultFor(kind) : requested.Trim().ToLowerInvariant();
        if (!KnownNames.Contains(name))
        {
            throw ToonStudioException.Invalid("engine", string.Join(", ", KnownNames));
        }
        var engine = Find(name) ?? throw NotConfigured(name, $"the {name} engine is not part of this build");
        var availability = engine.Availability;
        if (!availability.Configured)
        {
            throw NotConfigured(name, $"{availability.MissingSetting} is not set");
        }
        if (!availability.Kinds.Contains(kind))
        {
            throw ToonStudioException.Invalid("engine", $"{name} does not make {JobKindDescriptor.Of(kind).Name} images", $"{name} 엔진은 {JobKindDescriptor.Of(kind).Name} 이미지를 만들지 않습니다");
        }
        return engine;
    }

    public string DefaultFor(JobKind kind)
    {
        var configured = kind == JobKind.Ppl ? selection.Value.Ppl : selection.Value.Goods;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().ToLowerInvariant();
        }
        return JobKindDescriptor.Of(kind).EngineOrder.FirstOrDefault(IsUsable) ?? LocalEngine.EngineName;
    }

    private bool IsUsable(string name) => Find(name)?.Availability.Configured == true;

    private static ToonStudioException NotConfigured(string engine, string why) =>
        new(ErrorCode.EngineNotConfigured, why, "engine", new Dictionary<string, string> { ["engine"] = engine, ["why"] = why });
}
