using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// <c>ToonStudio:Storage</c> when <c>Provider=postgres</c>. Every replica points at the same database and schema;
/// the schema is created and migrated at start (several replicas may start at once).
/// </summary>
public sealed class PostgresOptions
{
    public const string SectionName = "ToonStudio:Storage";

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Database=toonstudio;Username=toonstudio;Password=…</c>.</summary>
    [Required(ErrorMessage = "ToonStudio:Storage:ConnectionString is required when ToonStudio:Storage:Provider is postgres")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Schema holding the job table; tests use one per test, deployments keep the default.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "ToonStudio:Storage:Schema must be a lower-case SQL identifier")]
    public string Schema { get; set; } = "toonstudio";
}
