using k8s;
using k8s.Models;

namespace ToonStudio.Deploy.Tests.Manifests;

/// <summary>The objects of one rendered layout (base, overlays/single, …), loaded with KubernetesClient's YAML loader.</summary>
public sealed class ManifestSet(string name, IReadOnlyList<object> objects)
{
    public string Name { get; } = name;

    public IReadOnlyList<object> Objects { get; } = objects;

    public static ManifestSet Parse(string name, string yaml) => new(name, KubernetesYaml.LoadAllFromString(yaml));

    public static async Task<ManifestSet> RenderAsync(string name, string kustomizationDirectory) =>
        Parse(name, await Kustomize.BuildAsync(kustomizationDirectory));

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    /// <summary>Every workload's pod template, named by its owner (<c>Deployment/toonstudio-ppl</c>).</summary>
    public IEnumerable<(string Owner, V1PodSpec Pod)> Pods()
    {
        foreach (var d in OfKind<V1Deployment>())
        {
            yield return ($"Deployment/{d.Metadata.Name}", d.Spec.Template.Spec);
        }

        foreach (var s in OfKind<V1StatefulSet>())
        {
            yield return ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template.Spec);
        }

        foreach (var d in OfKind<V1DaemonSet>())
        {
            yield return ($"DaemonSet/{d.Metadata.Name}", d.Spec.Template.Spec);
        }

        foreach (var j in OfKind<V1Job>())
        {
            yield return ($"Job/{j.Metadata.Name}", j.Spec.Template.Spec);
        }
    }

    public IEnumerable<(string Owner, V1PodSpec Pod, V1Container Container)> Containers() =>
        Pods().SelectMany(p => (p.Pod.InitContainers ?? []).Concat(p.Pod.Containers ?? [])
            .Select(c => (p.Owner, p.Pod, c)));

    public override string ToString() => Name;
}
