namespace ToonStudio.Server.Engines;

/// <summary>Which engine a generator uses when the request names none (docs/architecture.md, Configuration in the README).</summary>
public sealed class EngineSelectionOptions
{
    public const string SectionName = "ToonStudio:Engines";

    /// <summary>Default engine for PPL; unset = replicate when its key is set, else bfl when its key is set, else local.</summary>
    public string? Ppl { get; set; }

    /// <summary>Default engine for goods; unset = bfl when its key is set, else replicate when its key is set, else local.</summary>
    public string? Goods { get; set; }
}
