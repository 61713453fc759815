using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Folder;

/// <summary>
/// Blobs as files under <c>{DataPath}/blobs</c>. A write goes to a temporary file and is renamed into place, so a
/// reader never sees half a file; the content type and ETag sit in a small sidecar written the same way.
/// </summary>
public sealed class FolderBlobStore(IOptions<ToonStudioOptions> options) : IBlobStore
{
    private readonly string _root = Path.Combine(options.Value.FullDataPath, "blobs");

    public Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public async Task<BlobInfo> PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content.Span))[..32] + "\"";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WriteAtomicallyAsync(path, content, ct);
            await WriteAtomicallyAsync(path + ".meta", System.Text.Encoding.UTF8.GetBytes($"{contentType}\n{etag}"), ct);
        }
        catch (IOException e) when ((e.HResult & 0xFFFF) is DiskFull or WindowsDiskFull)
        {
            throw new StorageFullException("blob store", e);
        }
        return new BlobInfo(content.Length, contentType, etag);
    }

    /// <summary>Blobs up to this size are served from memory: one read instead of a file handle held across the response.</summary>
    private const int DiskFull = 28; // ENOSPC
    private const int WindowsDiskFull = 0x70; // ERROR_DISK_FULL

    private const int SmallBlob = 256 * 1024;

    public Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct)
    {
        // Synchronous on purpose: the sidecar is ~50 bytes and results sit in the page cache. The async path (async
        // sidecar read, async FileStream, thread-pool hops per read) held GET result at ~1.7k req/s in the load run.
        // The sidecar is written after the content, so reading it first means the content is complete.
        var path = PathOf(key);
        // A DELETE or the retention sweep may remove the folder between any two of these calls: absent, not an error.
        try
        {
            var meta = File.ReadAllText(path + ".meta").Split('\n');
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            Stream content = file;
            if (file.Length <= SmallBlob)
            {
                using (file)
                {
                    var bytes = new byte[file.Length];
                    file.ReadExactly(bytes);
                    content = new MemoryStream(bytes, writable: false);
                }
            }
            return Task.FromResult<BlobContent?>(new BlobContent(content, new BlobInfo(content.Length, meta[0], meta.Length > 1 ? meta[1] : "\"0\"")));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobContent?>(null);
        }
    }

    public async Task<byte[]?> ReadAllAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken ct)
    {
        var directory = PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(directory))
        {
            return Task.FromResult(0);
        }
        try
        {
            var count = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".meta", StringComparison.Ordinal));
            Directory.Delete(directory, recursive: true);
            return Task.FromResult(count);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult(0);
        }
    }

    public Task<bool> PingAsync(CancellationToken ct) => Task.FromResult(Directory.Exists(_root));

    /// <summary>Keys are ours (<c>jobs/{id}/…</c>), but a key may never leave the root, whatever it holds.</summary>
    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_root, key));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("A blob key must stay inside the blob folder.", nameof(key));
        }
        return full;
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await stream.WriteAsync(content, ct);
                await stream.FlushAsync(ct);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
