namespace ToonStudio.ScaleOut.Tests;

/// <summary>One three-replica cluster for the tests that only add jobs (each with its own fake tags).</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    public ScaleOutCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ScaleOutCluster.StartAsync(3, TimeSpan.FromSeconds(10));

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>Clusters run one at a time: each is several server processes on a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection
{
    public const string Name = "scale-out clusters";
}
