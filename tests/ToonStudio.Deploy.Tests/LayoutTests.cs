using k8s.Models;

namespace ToonStudio.Deploy.Tests;

[Collection(DeployCollection.Name)]
public sealed class LayoutTests(DeployFixture fixture)
{
    [Theory]
    [InlineData("toonstudio-ppl", "ppl")]
    [InlineData("toonstudio-goods", "goods")]
    public void Base_GeneratorDeployment_ServesItsGeneratorWithAutoscalerAndBudget(string name, string serves)
    {
        var set = fixture["base"];
        var deployment = Assert.Single(set.OfKind<V1Deployment>(), d => d.Metadata.Name == name);
        var env = Assert.Single(deployment.Spec.Template.Spec.Containers).Env;
        Assert.Equal(serves, Assert.Single(env, e => e.Name == "ToonStudio__Serve").Value);

        var hpa = Assert.Single(set.OfKind<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == name);
        Assert.True(hpa.Spec.MaxReplicas > (hpa.Spec.MinReplicas ?? 1));
        var podLabels = deployment.Spec.Template.Metadata.Labels;
        var budget = Assert.Single(set.OfKind<V1PodDisruptionBudget>(), b => b.Spec.Selector.MatchLabels.All(l => podLabels.TryGetValue(l.Key, out var v) && v == l.Value));
        Assert.Equal(name, budget.Metadata.Name);
        var service = Assert.Single(set.OfKind<V1Service>(), s => s.Metadata.Name == name);
        Assert.All(service.Spec.Selector, l => Assert.Equal(l.Value, podLabels[l.Key]));
    }

    [Theory]
    [InlineData("/api/ppl-gen", "toonstudio-ppl")]
    [InlineData("/ppl-gen", "toonstudio-ppl")]
    [InlineData("/api/goods-gen", "toonstudio-goods")]
    [InlineData("/goods-gen", "toonstudio-goods")]
    public void Base_LegacyPath_GoesToItsGenerator(string path, string service)
    {
        var paths = fixture["base"].OfKind<V1Ingress>().SelectMany(i => i.Spec.Rules).SelectMany(r => r.Http.Paths);
        Assert.Equal(service, Assert.Single(paths, p => p.Path == path).Backend.Service.Name);
    }

    [Fact]
    public void Single_Deployment_OneReplicaServingBothOnTheClaim()
    {
        var set = fixture["overlays/single"];
        var deployment = Assert.Single(set.OfKind<V1Deployment>());
        Assert.Equal(1, deployment.Spec.Replicas);
        Assert.Equal("Recreate", deployment.Spec.Strategy.Type); // SQLite: never two pods on the volume
        Assert.Empty(set.OfKind<V2HorizontalPodAutoscaler>());

        var pod = deployment.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        Assert.Equal("ppl,goods", Assert.Single(container.Env, e => e.Name == "ToonStudio__Serve").Value);
        var mount = Assert.Single(container.VolumeMounts, m => m.MountPath == "/data");
        var claim = Assert.Single(pod.Volumes, v => v.Name == mount.Name).PersistentVolumeClaim;
        Assert.NotNull(claim);
        Assert.Single(set.OfKind<V1PersistentVolumeClaim>(), c => c.Metadata.Name == claim.ClaimName);
    }
}
