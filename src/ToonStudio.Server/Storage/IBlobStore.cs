namespace ToonStudio.Server.Storage;

/// <summary>What a stored blob is: its length, content type and ETag.</summary>
public sealed record BlobInfo(long Length, string ContentType, string ETag);

/// <summary>An open blob to stream to a client, with its <see cref="BlobInfo"/>.</summary>
public sealed record BlobContent(Stream Content, BlobInfo Info) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>Images and print files. Implementations: a folder under the data path (default), Azure Blob Storage.</summary>
public interface IBlobStore
{
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Writes atomically: a reader sees the whole blob or none.</summary>
    Task<BlobInfo> PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct);

    Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct);

    Task<byte[]?> ReadAllAsync(string key, CancellationToken ct);

    Task<int> DeletePrefixAsync(string prefix, CancellationToken ct);

    Task<bool> PingAsync(CancellationToken ct);
}
