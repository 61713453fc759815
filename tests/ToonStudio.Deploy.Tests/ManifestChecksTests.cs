using k8s;
using k8s.Models;
using ToonStudio.Deploy.Tests.Manifests;

namespace ToonStudio.Deploy.Tests;

/// <summary>The checks fail on broken manifests: each case breaks one thing in a copy of deploy/k8s and renders it.</summary>
[Collection(DeployCollection.Name)]
public sealed class ManifestChecksTests(DeployFixture fixture) : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "toonstudio-k8s-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task All_ReadinessProbeRemovedFromCopy_ReportsIt()
    {
        var broken = await RenderBrokenCopyAsync(c => c.ReadinessProbe = null);

        Assert.Contains("Deployment/toonstudio container toonstudio: no readinessProbe", ManifestChecks.All(broken, fixture.Server, fixture.Documentation));
    }

    [Fact]
    public async Task All_MemoryLimitRemovedFromCopy_ReportsIt()
    {
        var broken = await RenderBrokenCopyAsync(c => c.Resources.Limits.Remove("memory"));

        Assert.Contains("Deployment/toonstudio container toonstudio: no memory limit", ManifestChecks.All(broken, fixture.Server, fixture.Documentation));
    }

    [Fact]
    public async Task All_ProbePathNotServedInCopy_ReportsIt()
    {
        var broken = await RenderBrokenCopyAsync(c => c.LivenessProbe.HttpGet.Path = "/health");

        Assert.Contains("Deployment/toonstudio container toonstudio: liveness probe path /health is not a GET route of the server",
            ManifestChecks.All(broken, fixture.Server, fixture.Documentation));
    }

    [Fact]
    public async Task All_RootUserWritableRootAndLatestTag_ReportsEach()
    {
        var broken = await RenderBrokenCopyAsync(c =>
        {
            c.SecurityContext.RunAsUser = 0;
            c.SecurityContext.ReadOnlyRootFilesystem = false;
        });
        var violations = ManifestChecks.All(broken, fixture.Server, fixture.Documentation).ToList();

        Assert.Contains("Deployment/toonstudio container toonstudio: not runAsNonRoot (or runs as user 0)", violations);
        Assert.Contains("Deployment/toonstudio container toonstudio: root filesystem not read-only", violations);
        Assert.Contains("Deployment/toonstudio container toonstudio: image 'registry.example.com/toonstudio:latest' is not pinned (no tag, or 'latest')",
            ManifestChecks.Images(Retagged(broken, "latest")).ToList());
    }

    [Fact]
    public async Task IngressPaths_PathWithoutRouteAndUndocumentedSecretKey_ReportsBoth()
    {
        var broken = await RenderBrokenCopyAsync(c => c.Env.Add(new V1EnvVar
        {
            Name = "EXTRA",
            ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = "api-keys-secret", Key = "NOT_A_DOCUMENTED_KEY" } },
        }));
        var ingress = Assert.Single(broken.OfKind<V1Ingress>());
        var paths = ingress.Spec.Rules[0].Http.Paths;
        paths.Add(new V1HTTPIngressPath { Backend = paths[0].Backend, Path = "/api/ppl", PathType = "Prefix" });

        Assert.Contains("Ingress path /api/ppl (Prefix) matches no route or file of the server", ManifestChecks.IngressPaths(broken, fixture.Server));
        Assert.Contains("Deployment/toonstudio container toonstudio: Secret key api-keys-secret/NOT_A_DOCUMENTED_KEY is not documented",
            ManifestChecks.ReferencedKeys(broken, fixture.Documentation));
    }

    [Fact]
    public void IngressPaths_RouteWithoutIngressPath_ReportsIt()
    {
        var set = fixture["overlays/single"];
        var pruned = new ManifestSet("pruned", [.. set.Objects.Select(o => o is V1Ingress i ? WithoutPath(i, "/history") : o)]);

        Assert.Contains(ManifestChecks.IngressPaths(pruned, fixture.Server), v => v.StartsWith("Server path /history/", StringComparison.Ordinal));
    }

    /// <summary>Copies deploy/k8s, changes the one container of base/app/deployment.yaml, renders overlays/single of the copy.</summary>
    private async Task<ManifestSet> RenderBrokenCopyAsync(Action<V1Container> breakIt)
    {
        CopyDirectory(Repo.K8s, _copy);
        var file = Path.Combine(_copy, "base", "app", "deployment.yaml");
        var deployment = KubernetesYaml.Deserialize<V1Deployment>(await File.ReadAllTextAsync(file));
        breakIt(Assert.Single(deployment.Spec.Template.Spec.Containers));
        await File.WriteAllTextAsync(file, KubernetesYaml.Serialize(deployment));
        return await ManifestSet.RenderAsync("broken copy", Path.Combine(_copy, "overlays", "single"));
    }

    private static ManifestSet Retagged(ManifestSet set, string tag)
    {
        foreach (var (_, _, c) in set.Containers())
        {
            c.Image = c.Image[..c.Image.LastIndexOf(':')] + ":" + tag;
        }

        return set;
    }

    private static V1Ingress WithoutPath(V1Ingress ingress, string path)
    {
        var copy = KubernetesYaml.Deserialize<V1Ingress>(KubernetesYaml.Serialize(ingress));
        foreach (var rule in copy.Spec.Rules)
        {
            rule.Http.Paths = [.. rule.Http.Paths.Where(p => p.Path != path)];
        }

        return copy;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }
}
