using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Storage.Azure;

/// <summary>
/// <c>ToonStudio:Blobs</c> when <c>Provider=azure</c>: a connection string (Azurite, or a storage account key), or in
/// production a <see cref="ServiceUri"/> reached with a managed identity (DefaultAzureCredential, or a
/// <c>TokenCredential</c> registered in DI, which wins).
/// </summary>
public sealed class AzureBlobOptions : IValidatableObject
{
    public const string SectionName = "ToonStudio:Blobs";

    public string? ConnectionString { get; set; }

    /// <summary>e.g. <c>https://account.blob.core.windows.net</c>; used when no connection string is set.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$",
        ErrorMessage = "ToonStudio:Blobs:Container must be 3-63 lower-case letters, digits and single hyphens")]
    public string Container { get; set; } = "toonstudio";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && ServiceUri is null)
        {
            yield return new ValidationResult(
                "ToonStudio:Blobs:ConnectionString or ToonStudio:Blobs:ServiceUri is required when ToonStudio:Blobs:Provider is azure",
                [nameof(ConnectionString), nameof(ServiceUri)]);
        }
    }
}
