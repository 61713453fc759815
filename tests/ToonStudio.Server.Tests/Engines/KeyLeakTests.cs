using Microsoft.Extensions.Logging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines;

public sealed class KeyLeakTests(FakesFixture fakes) : IClassFixture<FakesFixture>
{
    private static readonly string[] Scenarios =
        ["polls=2", "http=401", "http=402", "http=422", "http=429 times=1 retry-after=0", "http=503", "end=e005", "end=request-moderated", "malformed=poll", "expire=0", "output=foreign"];

    [Fact]
    public async Task GenerateAsync_EveryScenarioAtTraceLevel_NoKeyInAnyLogLineOrError()
    {
        using var harness = new EngineHarness(fakes);
        var texts = new List<string>();
        foreach (var engine in new[] { harness.Replicate, harness.Bfl })
        {
            foreach (var spec in Scenarios)
            {
                var (marker, _) = fakes.Scenario(spec);
                var context = EngineAssert.Context(engine.Name, marker, engine.Name == "bfl" ? JobKind.Goods : JobKind.Ppl);
                try
                {
                    await engine.GenerateAsync(EngineJobs.Inputs(context.Job.Kind), context, CancellationToken.None);
                }
                catch (ToonStudioException e)
                {
                    texts.Add(e.ToString());
                    texts.Add(e.Detail ?? "");
                }
                texts.Add(context.Job.ProviderPollingUrl ?? "");
            }
        }
        var records = harness.Logs.GetSnapshot();
        // The structured state too: a JSON log formatter writes it even where the message is redacted.
        texts.AddRange(records.Select(r => $"{r.Category} {r.Message} {r.Exception} {string.Join(';', r.StructuredState?.Select(p => p.Value) ?? [])}"));

        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.Contains("poll", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("provider_auth_failed", StringComparison.Ordinal) || t.Contains("refused the configured key", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(FakesFixture.ReplicateToken, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(FakesFixture.BflKey, StringComparison.Ordinal));
    }
}
