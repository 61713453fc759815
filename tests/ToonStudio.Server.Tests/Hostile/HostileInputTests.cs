using System.Diagnostics;
using System.Text.Json.Nodes;
using ToonStudio.Server.Tests.Hostile.Corpus;
using ToonStudio.Server.Tests.Support;
using Xunit.Abstractions;

namespace ToonStudio.Server.Tests.Hostile;

/// <summary>
/// Every case of the generated corpus against the server in-process: each answer must be one its case allows —
/// 2xx for images that are valid after all, the right 4xx otherwise, never a 5xx. Jobs are held by a
/// <see cref="ControlledEngine"/> so the run measures intake and multipart handling, not rendering.
/// The same corpus against the real process, with peak RSS: bench/ToonStudio.HostileDriver.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly ToonStudioApplication _app = new(new Dictionary<string, string?> { ["ToonStudio:RateLimit:Enabled"] = "false" },
        ToonStudioApplication.WithEngine(new ControlledEngine()));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Corpus_EveryCase_AnsweredAsAllowedAndNever5xx()
    {
        var cases = HostileCorpus.All;
        using var client = _app.CreateClient();
        var failures = new List<string>();
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var hostile in cases)
        {
            var (status, code, failure) = await RunAsync(client, hostile);
            var outcome = HostileCase.Outcome(status, code);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            output.WriteLine($"{outcome,-28} {hostile.Name}");
            if (failure is not null)
            {
                failures.Add($"{hostile.Name}: {outcome} — {failure}");
            }
        }
        output.WriteLine($"{cases.Count} cases in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (outcome, count) in tally)
        {
            output.WriteLine($"  {outcome,-28} {count}");
        }

        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<(int Status, string? Code, string? Failure)> RunAsync(HttpClient client, HostileCase hostile)
    {
        using var request = hostile.Request();
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        string? code = null;
        if (status >= 400 && (response.Content.Headers.ContentType?.MediaType ?? "").Contains("json", StringComparison.Ordinal))
        {
            code = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>();
        }
        if (!hostile.Allows(status, code))
        {
            return (status, code, $"allowed: {string.Join(" | ", hostile.Allowed)}");
        }
        return (status, code, status < 300 && hostile.Verify is { } verify ? await verify(client, response) : null);
    }
}
