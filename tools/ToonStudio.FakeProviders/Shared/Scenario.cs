using System.Text.RegularExpressions;

namespace ToonStudio.FakeProviders;

/// <summary>
/// What a request asks the fake to do, from a marker in its prompt: <c>[fake:end=e005 polls=3 tag=t1]</c>.
/// Keys: end, polls, http, times, retry-after, retry_after, poll-http, poll-times, delay, poll-delay, latency, chaos-5xx, chaos-429, chaos-hang, malformed,
/// output, expire (ms), redirect, poll-redirect, redirect-status, tag. The whole marker is the key of its counters, so a unique tag isolates a test.
/// </summary>
public sealed partial record Scenario(string Key, IReadOnlyDictionary<string, string> Values)
{
    public static readonly Scenario Default = new("default", new Dictionary<string, string>());

    public static Scenario Parse(string? prompt, Scenario fallback)
    {
        var match = prompt is null ? Match.Empty : Marker().Match(prompt);
        if (!match.Success)
        {
            return fallback;
        }
        return FromSpec(match.Groups[1].Value);
    }

    public static Scenario FromSpec(string spec)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in spec.Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            values[eq < 0 ? token : token[..eq]] = eq < 0 ? "true" : token[(eq + 1)..];
        }
        return new Scenario(spec.Trim(), values);
    }

    public string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;

    public int Int(string key, int fallback) => int.TryParse(Get(key), out var v) ? v : fallback;

    public string End => Get("end") ?? "ok";

    [GeneratedRegex(@"\[fake:([^\]]*)\]")]
    private static partial Regex Marker();
}
