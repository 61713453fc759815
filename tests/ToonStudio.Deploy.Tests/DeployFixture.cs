using ToonStudio.Deploy.Tests.Manifests;

namespace ToonStudio.Deploy.Tests;

/// <summary>The server's route table and every rendered layout, built once for the whole assembly.</summary>
public sealed class DeployFixture : IAsyncLifetime
{
    private readonly Dictionary<string, ManifestSet> _layouts = [];

    public ServerRoutes Server { get; } = new();

    public string Documentation { get; private set; } = "";

    public ManifestSet this[string layout] => _layouts[layout];

    /// <summary>base and every overlay: a new overlay is checked as soon as it exists.</summary>
    public static IReadOnlyList<string> LayoutNames() =>
        ["base", .. Directory.GetDirectories(Path.Combine(Repo.K8s, "overlays")).Select(d => "overlays/" + Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Layouts() => [.. LayoutNames()];

    public async Task InitializeAsync()
    {
        Documentation = await File.ReadAllTextAsync(Repo.Docs("operations.md"));
        foreach (var layout in LayoutNames())
        {
            _layouts[layout] = await ManifestSet.RenderAsync(layout, Path.Combine(Repo.K8s, layout));
        }
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DeployCollection : ICollectionFixture<DeployFixture>
{
    public const string Name = "deploy";
}
