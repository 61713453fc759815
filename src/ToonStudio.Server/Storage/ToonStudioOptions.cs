using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Storage;

/// <summary>Root options: where the embedded store keeps its files.</summary>
public sealed class ToonStudioOptions
{
    public const string SectionName = "ToonStudio";

    /// <summary>Folder for the SQLite file and the blob folder. Relative paths are resolved against the working directory.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    public string FullDataPath => Path.GetFullPath(DataPath);
}
