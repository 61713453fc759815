using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage.Azure;
using ToonStudio.Server.Storage.Folder;
using ToonStudio.Server.Storage.Postgres;
using ToonStudio.Server.Storage.Sqlite;

namespace ToonStudio.Server.Storage;

/// <summary>Registers the job store, event bus and blob store the configuration selects.</summary>
public static class StorageExtensions
{
    /// <summary>Job store and event bus by <c>ToonStudio:Storage:Provider</c>, blob store by <c>ToonStudio:Blobs:Provider</c>.</summary>
    public static IHostApplicationBuilder AddToonStudioStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ToonStudioOptions>().BindConfiguration(ToonStudioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddOptions<BlobOptions>().BindConfiguration(BlobOptions.SectionName);
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var blobs = builder.Configuration.GetSection(BlobOptions.SectionName).Get<BlobOptions>() ?? new BlobOptions();

        switch (storage.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                builder.Services.AddSingleton<IJobStore, SqliteJobStore>();
                builder.Services.AddSingleton<IJobEventBus, InProcessJobEventBus>();
                break;
            case "postgres":
                // SCALE-OUT: PostgreSQL job store and LISTEN/NOTIFY bus (Storage/Postgres).
                builder.Services.AddPostgresJobStore();
                break;
            default:
                throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions),
                    [$"ToonStudio:Storage:Provider must be sqlite or postgres (was '{storage.Provider}')."]);
        }

        switch (blobs.Provider.Trim().ToLowerInvariant())
        {
            case "folder":
                builder.Services.AddSingleton<IBlobStore, FolderBlobStore>();
                break;
            case "azure":
                // SCALE-OUT: Azure Blob Storage (Storage/Azure).
                builder.Services.AddAzureBlobStore();
                break;
            default:
                throw new OptionsValidationException(BlobOptions.SectionName, typeof(BlobOptions),
                    [$"ToonStudio:Blobs:Provider must be folder or azure (was '{blobs.Provider}')."]);
        }
        builder.Services.AddHostedService<StorageInitializer>();
        return builder;
    }
}

/// <summary>Creates the schema and folders before the runner (registered later) claims anything.</summary>
internal sealed class StorageInitializer(IJobStore jobs, IBlobStore blobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await jobs.InitializeAsync(cancellationToken);
        await blobs.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
