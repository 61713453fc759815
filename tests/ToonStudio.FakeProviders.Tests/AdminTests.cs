using System.Net;
using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders.Tests;

/// <summary>The admin endpoints every fake host serves: default scenario, counters, reset.</summary>
public sealed class AdminTests : IAsyncLifetime
{
    private FakesClient _fakes = null!;

    public async Task InitializeAsync() => _fakes = await FakesClient.StartAsync();

    public async Task DisposeAsync() => await _fakes.DisposeAsync();

    [Fact]
    public async Task DefaultScenario_AppliesToRequestsWithoutAMarker_AndResetClearsEverything()
    {
        using var set = await _fakes.Http.PostAsync(FakeUrls.Join(_fakes.Urls.BflApi, "admin/scenario?spec=end=e005 polls=1"), null);
        Assert.Equal("end=e005 polls=1", (await FakesClient.JsonAsync(set))["scenario"]?.GetValue<string>());

        using var created = await _fakes.ReplicateCreateAsync("black-forest-labs/flux-kontext-pro", new JsonObject { ["input"] = new JsonObject { ["prompt"] = "no marker" } });
        var id = (await FakesClient.JsonAsync(created))["id"]!.GetValue<string>();
        using var polled = await _fakes.ReplicateGetAsync(id);
        Assert.Equal("failed", (await FakesClient.JsonAsync(polled))["status"]?.GetValue<string>());

        using var stats = await _fakes.Http.GetAsync(FakeUrls.Join(_fakes.Urls.ReplicateFiles, "admin/stats"));
        var counters = (await FakesClient.JsonAsync(stats))["scenarios"]!["end=e005 polls=1"]!;
        Assert.Equal(1, counters["submissions"]!.GetValue<int>());
        Assert.Equal(1, counters["polls"]!.GetValue<int>());

        using var reset = await _fakes.Http.PostAsync(FakeUrls.Join(_fakes.Urls.ReplicateApi, "admin/reset"), null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(_fakes.Host.State.Predictions);
        Assert.Same(Scenario.Default, _fakes.Host.State.DefaultScenario);
        using var urls = await _fakes.Http.GetAsync(FakeUrls.Join(_fakes.Urls.BflDelivery, "admin/urls"));
        Assert.Equal(HttpStatusCode.OK, urls.StatusCode);
    }
}
