using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Ops;

/// <summary>
/// <c>ToonStudio:Serve</c>: the generators this process takes requests for — <c>ppl</c>, <c>goods</c> or
/// <c>ppl,goods</c> (default) — so one image runs as the earlier system's two Deployments. The other
/// generator's creation endpoints answer 404 naming what this process serves, which makes a mis-routed
/// Ingress path visible at once. Reading jobs, results, the UI and the catalog stay available everywhere.
/// </summary>
public sealed class ServeOptions : IValidatableObject
{
    public const string SectionName = "ToonStudio";

    private static readonly string[] Generators = ["ppl", "goods"];

    public string Serve { get; set; } = "ppl,goods";

    public IReadOnlyList<string> Served =>
        [.. Serve.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Served.Count == 0 || Served.Any(s => !Generators.Contains(s)))
        {
            yield return new ValidationResult($"ToonStudio:Serve must be ppl, goods or ppl,goods (was '{Serve}')", [nameof(Serve)]);
        }
    }
}
