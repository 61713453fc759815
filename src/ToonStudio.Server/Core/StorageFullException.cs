namespace ToonStudio.Server.Core;

/// <summary>
/// The job store or the blob store ran out of space (its own "disk full", translated by the store that saw it);
/// answered as 507 <see cref="ErrorCode.InsufficientStorage"/>.
/// </summary>
public sealed class StorageFullException(string store, Exception inner)
    : Exception($"The {store} is full.", inner)
{
    /// <summary>Which store is full ("job store", "blob store").</summary>
    public string Store { get; } = store;
}
