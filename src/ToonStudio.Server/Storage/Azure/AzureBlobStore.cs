using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Azure;

/// <summary>
/// Blobs in one Azure Blob Storage container, shared by every replica. A put is one block-blob upload, which the
/// service commits whole or not at all, so a reader never sees half an image.
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container) : IBlobStore
{
    public async Task InitializeAsync(CancellationToken ct) =>
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);

    public async Task<BlobInfo> PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        var response = await Blob(key).UploadAsync(BinaryData.FromBytes(content), options, ct);
        return new BlobInfo(content.Length, contentType, response.Value.ETag.ToString("H"));
    }

    public async Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await Blob(key).DownloadStreamingAsync(cancellationToken: ct);
            var details = response.Value.Details;
            return new BlobContent(response.Value.Content, new BlobInfo(details.ContentLength, details.ContentType, details.ETag.ToString("H")));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]?> ReadAllAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await Blob(key).DownloadContentAsync(ct);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = Checked(prefix) }, ct))
        {
            if (await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct))
            {
                deleted++;
            }
        }
        return deleted;
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            return await container.ExistsAsync(ct);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or TimeoutException)
        {
            return false;
        }
    }

    private BlobClient Blob(string key) => container.GetBlobClient(Checked(key));

    /// <summary>Keys are ours (<c>jobs/{id}/…</c>); like the folder store, refuse one that climbs out of its prefix.</summary>
    private static string Checked(string key) =>
        key.Length == 0 || key.StartsWith('/') || key.Split('/').Any(segment => segment is "." or "..")
            ? throw new ArgumentException("A blob key must be a relative path without '.' or '..' segments.", nameof(key))
            : key;
}
