using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Jobs;

/// <summary>A cancel recorded elsewhere (another replica's store write plus its "changed" signal) stops the run here.</summary>
public sealed class CancelOverBusTests
{
    [Fact]
    public async Task CancelFlagAndChangedSignal_FromAnotherReplica_StopsTheRunningEngineWithoutAHeartbeat()
    {
        // The clock never moves, so the heartbeat (which also reads the flag) never runs: only the bus can stop the job.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), ToonStudioApplication.WithTime(time)));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/ppl", Forms.Ppl())).JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var store = app.Services.GetRequiredService<IJobStore>();
        var bus = app.Services.GetRequiredService<IJobEventBus>();
        await store.RequestCancelAsync(id, time.GetUtcNow(), CancellationToken.None);
        await bus.PublishChangedAsync(id, CancellationToken.None);
        await engine.Canceled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var job = await client.WaitForJobAsync(id);

        Assert.Equal("canceled", job.Str("status"));
    }
}
