using Azure.Storage.Blobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Azure;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>The blob contract on Azurite, one container per test.</summary>
public sealed class AzureBlobStoreTests : BlobStoreContractTests
{
    private BlobContainerClient? _container;

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        _container = new BlobContainerClient(TestServices.Azurite, TestServices.UniqueName("t"));
        var store = new AzureBlobStore(_container);
        await store.InitializeAsync(default);
        return store;
    }

    protected override async Task DropStoreAsync()
    {
        if (_container is not null)
        {
            await _container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task PingAsync_ContainerGone_ReturnsFalse()
    {
        await _container!.DeleteAsync();

        Assert.False(await Store.PingAsync(default));
    }
}
