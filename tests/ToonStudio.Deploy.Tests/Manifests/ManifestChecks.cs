using k8s.Models;

namespace ToonStudio.Deploy.Tests.Manifests;

/// <summary>
/// The rules of issue 6 for a rendered layout. Each returns the violations it found, as sentences naming the
/// object, so a failing test says what to fix.
/// </summary>
public static class ManifestChecks
{
    private static readonly string[] OpsPaths = ["/healthz", "/readyz", "/metrics"];

    public static IEnumerable<string> All(ManifestSet set, ServerRoutes server, string documentation) =>
        ResourcesAndProbes(set)
            .Concat(Security(set))
            .Concat(Images(set))
            .Concat(ReferencedKeys(set, documentation))
            .Concat(ProbePaths(set, server))
            .Concat(IngressPaths(set, server));

    public static IEnumerable<string> ResourcesAndProbes(ManifestSet set)
    {
        foreach (var (owner, pod, c) in set.Containers())
        {
            foreach (var kind in new[] { "cpu", "memory" })
            {
                if (c.Resources?.Requests?.ContainsKey(kind) != true)
                {
                    yield return $"{owner} container {c.Name}: no {kind} request";
                }

                if (c.Resources?.Limits?.ContainsKey(kind) != true)
                {
                    yield return $"{owner} container {c.Name}: no {kind} limit";
                }
            }

            if (pod.InitContainers?.Contains(c) == true)
            {
                continue;
            }

            if (c.LivenessProbe is null)
            { yield return $"{owner} container {c.Name}: no livenessProbe"; }
            if (c.ReadinessProbe is null)
            { yield return $"{owner} container {c.Name}: no readinessProbe"; }
            if (c.StartupProbe is null)
            { yield return $"{owner} container {c.Name}: no startupProbe"; }
        }
    }

    public static IEnumerable<string> Security(ManifestSet set)
    {
        foreach (var (owner, pod, c) in set.Containers())
        {
            var nonRoot = c.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot;
            var user = c.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser;
            if (nonRoot != true || user == 0)
            {
                yield return $"{owner} container {c.Name}: not runAsNonRoot (or runs as user 0)";
            }

            if (c.SecurityContext?.ReadOnlyRootFilesystem != true)
            {
                yield return $"{owner} container {c.Name}: root filesystem not read-only";
            }

            if (c.SecurityContext?.AllowPrivilegeEscalation != false || c.SecurityContext?.Privileged == true)
            {
                yield return $"{owner} container {c.Name}: privilege escalation not disabled";
            }
        }
    }

    public static IEnumerable<string> Images(ManifestSet set)
    {
        foreach (var (owner, _, c) in set.Containers())
        {
            var image = c.Image ?? "";
            var name = image[(image.LastIndexOf('/') + 1)..];
            var digest = image.Contains("@sha256:", StringComparison.Ordinal);
            var tag = name.Contains(':', StringComparison.Ordinal) ? name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;
            if (!digest && (tag is null || tag.Equals("latest", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{owner} container {c.Name}: image '{image}' is not pinned (no tag, or 'latest')";
            }
        }
    }

    /// <summary>ConfigMap keys must be declared in the layout; Secrets are made by operators, so their keys must be documented.</summary>
    public static IEnumerable<string> ReferencedKeys(ManifestSet set, string documentation)
    {
        var configMaps = set.OfKind<V1ConfigMap>().ToDictionary(m => m.Metadata.Name, m => m.Data ?? new Dictionary<string, string>());
        bool Documented(string secret, string? key) =>
            documentation.Contains(secret, StringComparison.Ordinal) && (key is null || documentation.Contains(key, StringComparison.Ordinal));

        foreach (var (owner, pod, c) in set.Containers())
        {
            foreach (var e in c.EnvFrom ?? [])
            {
                if (e.ConfigMapRef is { } m && !configMaps.ContainsKey(m.Name))
                {
                    yield return $"{owner} container {c.Name}: ConfigMap {m.Name} is not declared";
                }

                if (e.SecretRef is { } s && !Documented(s.Name, null))
                {
                    yield return $"{owner} container {c.Name}: Secret {s.Name} is not documented";
                }
            }

            foreach (var e in c.Env ?? [])
            {
                if (e.ValueFrom?.ConfigMapKeyRef is { } m && !(configMaps.TryGetValue(m.Name, out var data) && data.ContainsKey(m.Key)))
                {
                    yield return $"{owner} container {c.Name}: ConfigMap key {m.Name}/{m.Key} is not declared";
                }

                if (e.ValueFrom?.SecretKeyRef is { } s && !Documented(s.Name, s.Key))
                {
                    yield return $"{owner} container {c.Name}: Secret key {s.Name}/{s.Key} is not documented";
                }
            }
        }

        foreach (var tls in set.OfKind<V1Ingress>().SelectMany(i => i.Spec.Tls ?? []))
        {
            if (tls.SecretName is { } name && !Documented(name, null))
            {
                yield return $"Ingress TLS Secret {name} is not documented";
            }
        }
    }

    public static IEnumerable<string> ProbePaths(ManifestSet set, ServerRoutes server)
    {
        foreach (var (owner, _, c) in set.Containers())
        {
            foreach (var (kind, probe) in new[] { ("liveness", c.LivenessProbe), ("readiness", c.ReadinessProbe), ("startup", c.StartupProbe) })
            {
                if (probe is null)
                {
                    continue;
                }

                if (probe.HttpGet?.Path is not { } path)
                {
                    yield return $"{owner} container {c.Name}: {kind} probe is not an HTTP GET";
                }
                else if (!server.HasGet(path))
                {
                    yield return $"{owner} container {c.Name}: {kind} probe path {path} is not a GET route of the server";
                }
            }
        }
    }

    /// <summary>
    /// Both ways: every Ingress path leads to something the server answers, and everything the server answers
    /// for users (not the ops endpoints, which stay inside the cluster) is reachable through the Ingress.
    /// </summary>
    public static IEnumerable<string> IngressPaths(ManifestSet set, ServerRoutes server)
    {
        var paths = set.OfKind<V1Ingress>()
            .SelectMany(i => (i.Spec.Rules ?? []).SelectMany(r => r.Http?.Paths ?? []))
            .ToList();
        foreach (var p in paths)
        {
            if (!server.Paths.Any(s => Reaches(p, s)))
            {
                yield return $"Ingress path {p.Path} ({p.PathType}) matches no route or file of the server";
            }
        }

        foreach (var served in server.Paths.Where(s => !OpsPaths.Any(o => PathPattern.Matches(s, o, prefix: true))))
        {
            if (!paths.Any(p => Reaches(p, served)))
            {
                yield return $"Server path {served} is not reachable through the Ingress";
            }
        }
    }

    /// <summary>True when a request through Ingress path <paramref name="p"/> can reach <paramref name="served"/>.</summary>
    private static bool Reaches(V1HTTPIngressPath p, string served) => p.PathType switch
    {
        "Exact" => PathPattern.Matches(served, p.Path, prefix: false)
            || (p.Path.EndsWith('/') && PathPattern.Matches(served, p.Path + "index.html", prefix: false)),
        _ => PathPattern.Matches(served, p.Path, prefix: true),
    };
}
