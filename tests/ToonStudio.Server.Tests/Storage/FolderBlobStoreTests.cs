using Microsoft.Extensions.Options;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Folder;

namespace ToonStudio.Server.Tests.Storage;

public sealed class FolderBlobStoreTests : BlobStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), TestServices.UniqueName("toonstudio-blobs-"));

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var store = new FolderBlobStore(Options.Create(new ToonStudioOptions { DataPath = _folder }));
        await store.InitializeAsync(default);
        return store;
    }

    protected override Task DropStoreAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
