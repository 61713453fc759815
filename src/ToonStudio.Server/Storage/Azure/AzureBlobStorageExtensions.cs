using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Azure;

/// <summary>Registers the Azure Blob Storage blob store.</summary>
public static class AzureBlobStorageExtensions
{
    /// <summary>
    /// Azure Blob Storage by connection string, else by <see cref="AzureBlobOptions.ServiceUri"/> with a
    /// <see cref="TokenCredential"/> from DI when one is registered (workload identity, a certificate…), else
    /// <see cref="DefaultAzureCredential"/> (managed identity in Azure, developer sign-ins elsewhere).
    /// </summary>
    public static IServiceCollection AddAzureBlobStore(this IServiceCollection services)
    {
        services.AddOptions<AzureBlobOptions>().BindConfiguration(AzureBlobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureBlobOptions>>().Value;
            var client = !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new BlobServiceClient(options.ConnectionString.Trim())
                : new BlobServiceClient(options.ServiceUri, sp.GetService<TokenCredential>()
                    ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }));
            return new AzureBlobStore(client.GetBlobContainerClient(options.Container));
        });
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<AzureBlobStore>());
        return services;
    }
}
