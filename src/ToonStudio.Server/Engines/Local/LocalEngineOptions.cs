using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Engines.Local;

/// <summary><c>ToonStudio:Local</c>: the local engine's input size.</summary>
public sealed class LocalEngineOptions
{
    public const string SectionName = "ToonStudio:Local";

    /// <summary>Inputs keep more pixels than the remote engines' 1024 because print files are drawn from them.</summary>
    [Range(256, 8192)]
    public int MaxInputEdge { get; set; } = 2048;
}
