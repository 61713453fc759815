using k8s;
using k8s.Models;
using ToonStudio.Deploy.Tests.Manifests;

namespace ToonStudio.Deploy.Tests;

[Collection(DeployCollection.Name)]
public sealed class ManifestTests(DeployFixture fixture)
{
    public static TheoryData<string> Layouts => DeployFixture.Layouts();

    [Fact]
    public async Task ManifestFiles_LoadedWithKubernetesYaml_EveryObjectHasKindAndName()
    {
        var files = Directory.GetFiles(Repo.K8s, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var objects = await KubernetesYaml.LoadAllFromFileAsync(file);
            Assert.NotEmpty(objects);
            Assert.All(objects.Cast<IKubernetesObject<V1ObjectMeta>>(), o => Assert.False(string.IsNullOrEmpty(o.Metadata?.Name), file));
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Containers_InLayout_HaveRequestsLimitsAndProbes(string layout) =>
        AssertNone(ManifestChecks.ResourcesAndProbes(fixture[layout]));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Containers_InLayout_RunNonRootOnReadOnlyRoot(string layout) =>
        AssertNone(ManifestChecks.Security(fixture[layout]));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Images_InLayout_ArePinned(string layout) =>
        AssertNone(ManifestChecks.Images(fixture[layout]));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ReferencedKeys_InLayout_AreDeclaredOrDocumented(string layout) =>
        AssertNone(ManifestChecks.ReferencedKeys(fixture[layout], fixture.Documentation));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ProbePaths_InLayout_AreServerRoutes(string layout) =>
        AssertNone(ManifestChecks.ProbePaths(fixture[layout], fixture.Server));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void IngressPaths_InLayout_MatchServerRoutesBothWays(string layout) =>
        AssertNone(ManifestChecks.IngressPaths(fixture[layout], fixture.Server));

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Ingress_InLayout_KeepsTheEarlierSystemsPaths(string layout)
    {
        var paths = fixture[layout].OfKind<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths).Select(p => p.Path).ToHashSet();
        Assert.Superset(new HashSet<string> { "/ppl-gen", "/goods-gen", "/api/ppl-gen", "/api/goods-gen" }, paths);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void NetworkPolicy_InLayout_AllowsOnlyDnsAndHttpsEgress(string layout)
    {
        var policy = Assert.Single(fixture[layout].OfKind<V1NetworkPolicy>());
        Assert.Contains("Egress", policy.Spec.PolicyTypes);
        var ports = policy.Spec.Egress.SelectMany(e => e.Ports).Select(p => p.Port.Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "53", "443", "5432" }, ports); // 5432: PostgreSQL, only where a layout uses the shared store
        Assert.Contains("443", ports);
    }

    /// <summary>Lists every violation in the failure message, not only the first.</summary>
    private static void AssertNone(IEnumerable<string> violations)
    {
        var all = violations.ToList();
        Assert.True(all.Count == 0, string.Join(Environment.NewLine, all));
    }
}
