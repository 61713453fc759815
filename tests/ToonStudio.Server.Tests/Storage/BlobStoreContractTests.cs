using System.Text;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do, run against the folder store and Azure Blob (Azurite).</summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>A new, initialized store, isolated from every other test (its own folder or container).</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    protected abstract Task DropStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => DropStoreAsync();

    [Fact]
    public async Task PutAsync_ThenOpenRead_ReturnsContentTypeLengthAndQuotedEtag()
    {
        var info = await Store.PutAsync(JobBlobs.Result("j"), "hello"u8.ToArray(), "image/png", default);

        await using var blob = await Store.OpenReadAsync(JobBlobs.Result("j"), default);
        using var copy = new MemoryStream();
        await blob!.Content.CopyToAsync(copy);

        Assert.Equal("hello", Encoding.UTF8.GetString(copy.ToArray()));
        Assert.Equal((5L, "image/png"), (info.Length, info.ContentType));
        Assert.Equal(info, blob.Info);
        Assert.Matches("^\"[^\"]+\"$", info.ETag);
    }

    [Fact]
    public async Task PutAsync_Overwrite_ReplacesContentAndEtag()
    {
        var first = await Store.PutAsync("jobs/j/result", "one"u8.ToArray(), "image/png", default);

        var second = await Store.PutAsync("jobs/j/result", "two!"u8.ToArray(), "image/webp", default);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("two!"u8.ToArray(), await Store.ReadAllAsync("jobs/j/result", default));
        await using var blob = await Store.OpenReadAsync("jobs/j/result", default);
        Assert.Equal(second, blob!.Info);
    }

    [Fact]
    public async Task ReadAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await Store.ReadAllAsync("jobs/none/result", default));
        Assert.Null(await Store.OpenReadAsync("jobs/none/result", default));
    }

    [Fact]
    public async Task DeletePrefixAsync_JobPrefix_DeletesOnlyThatJobsBlobs()
    {
        await Store.PutAsync(JobBlobs.Input("a", 0), new byte[] { 1 }, "image/png", default);
        await Store.PutAsync(JobBlobs.Result("a"), new byte[] { 2 }, "image/png", default);
        await Store.PutAsync(JobBlobs.Artifact("a", "print.png"), new byte[] { 3 }, "image/png", default);
        await Store.PutAsync(JobBlobs.Result("ab"), new byte[] { 4 }, "image/png", default);

        Assert.Equal(3, await Store.DeletePrefixAsync(JobBlobs.Prefix("a"), default));
        Assert.Equal(0, await Store.DeletePrefixAsync(JobBlobs.Prefix("a"), default));
        Assert.Null(await Store.ReadAllAsync(JobBlobs.Artifact("a", "print.png"), default));
        Assert.Equal([4], await Store.ReadAllAsync(JobBlobs.Result("ab"), default));
    }

    [Fact]
    public async Task PutAsync_KeyClimbingOut_Throws() =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("jobs/../../etc/x", new byte[] { 1 }, "image/png", default));

    [Fact]
    public async Task ReadAllAsync_DuringOverwrites_SeesAWholeBlob()
    {
        var a = Enumerable.Repeat((byte)'a', 512 * 1024).ToArray();
        var b = Enumerable.Repeat((byte)'b', 256 * 1024).ToArray();
        await Store.PutAsync("jobs/j/result", a, "image/png", default);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await Store.PutAsync("jobs/j/result", i % 2 == 0 ? b : a, "image/png", default);
            }
        });
        var reads = new List<byte[]>();
        while (!writer.IsCompleted && reads.Count < 200)
        {
            reads.Add((await Store.ReadAllAsync("jobs/j/result", default))!);
        }
        await writer;

        Assert.All(reads, r => Assert.True(r.AsSpan().SequenceEqual(a) || r.AsSpan().SequenceEqual(b), $"a torn read of {r.Length} bytes"));
    }

    [Fact]
    public async Task PingAsync_Initialized_ReturnsTrue() => Assert.True(await Store.PingAsync(default));
}
