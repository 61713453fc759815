namespace ToonStudio.Server.Storage;

/// <summary><c>ToonStudio:Storage</c>: which job store holds the rows.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "ToonStudio:Storage";

    /// <summary><c>sqlite</c> (embedded, one process) or <c>postgres</c> (several replicas).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string; ignored for SQLite, whose file lives in the data folder.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary><c>ToonStudio:Blobs</c>: which blob store holds the images.</summary>
public sealed class BlobOptions
{
    public const string SectionName = "ToonStudio:Blobs";

    /// <summary><c>folder</c> (under the data folder) or <c>azure</c> (Azure Blob Storage).</summary>
    public string Provider { get; set; } = "folder";

    public string? ConnectionString { get; set; }

    public string Container { get; set; } = "toonstudio";
}
