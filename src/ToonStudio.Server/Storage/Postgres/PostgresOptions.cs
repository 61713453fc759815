using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// <c>ToonStudio:Storage</c> when <c>Provider=postgres</c>. Every replica points at the same database and schema;
/// the schema is created and migrated at start (several replicas may start at once).
/// </summary>
public sealed partial class PostgresOptions
{
    private const string IdentifierPattern = "^[a-z_][a-z0-9_]{0,62}$";

    public const string SectionName = "ToonStudio:Storage";

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Database=toonstudio;Username=toonstudio;Password=…</c>.</summary>
    [Required(ErrorMessage = "ToonStudio:Storage:ConnectionString is required when ToonStudio:Storage:Provider is postgres")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Schema holding the job table; tests use one per test, deployments keep the default.</summary>
    [RegularExpression(IdentifierPattern, ErrorMessage = "ToonStudio:Storage:Schema must be a lower-case SQL identifier")]
    public string Schema { get; set; } = "toonstudio";

    /// <summary>The schema goes into SQL text (table names, LISTEN channels): refuse anything but a plain identifier.</summary>
    internal static string Checked(string schema) =>
        Identifier().IsMatch(schema) ? schema : throw new ArgumentException($"'{schema}' is not a lower-case SQL identifier.", nameof(schema));

    [GeneratedRegex(IdentifierPattern)]
    private static partial Regex Identifier();
}
