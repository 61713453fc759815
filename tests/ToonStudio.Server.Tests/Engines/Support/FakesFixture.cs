using ToonStudio.FakeProviders;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>The fake providers on loopback, one set per test class; tests isolate their counters with a unique tag.</summary>
public sealed class FakesFixture : IAsyncLifetime
{
    public const string ReplicateToken = "r8_TestSecretToken0123456789";
    public const string BflKey = "bfl-test-secret-key-9876543210";

    public FakeProvidersHost Host { get; private set; } = null!;

    public FakeUrls Urls => Host.Urls;

    public async Task InitializeAsync() =>
        Host = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { ReplicateToken = ReplicateToken, BflKey = BflKey, OutputEdge = 96 });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A scenario marker with a fresh tag, and the counters it will fill.</summary>
    public (string Marker, ScenarioCounters Counters) Scenario(string spec)
    {
        var full = $"{spec} tag={Guid.NewGuid():N}".Trim();
        return ($"[fake:{full}]", Host.Counters(full));
    }

    public static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
