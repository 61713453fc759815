using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Jobs;

public sealed class RecoveryAndEventsTests
{
    [Fact]
    public async Task Restart_JobLeftRunningByACrashedProcess_CompletesUnderNewHost()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
        var engine = new ControlledEngine();
        string id;
        using (var first = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine), dataPath: dataPath))
        {
            using var client = first.CreateClient();
            id = (await (await client.PostAsync("/api/v1/goods", Forms.Goods())).JsonAsync()).Str("id");
            await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // A crash: the row says running, leased far into the future by a process that no longer exists.
            var store = first.Services.GetRequiredService<IJobStore>();
            var job = await store.GetAsync(id, CancellationToken.None);
            Assert.Equal(JobStatus.Running, job!.Status);
        }
        await ForgeCrashedLeaseAsync(dataPath, id);

        using var second = new ToonStudioApplication(dataPath: dataPath);
        using var client2 = second.CreateClient();
        var done = await client2.WaitForJobAsync(id);

        Assert.Equal("succeeded", done.Str("status"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client2.GetAsync($"/api/v1/jobs/{id}/result")).StatusCode);
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task Events_StreamJobLifecycle_InOrderEndingTerminal()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/ppl", Forms.Ppl())).JsonAsync()).Str("id");

        using var stream = await client.GetStreamAsync($"/api/v1/jobs/{id}/events");
        using var reader = new StreamReader(stream);
        var statuses = new List<string>();
        var stages = new List<string?>();
        var ids = new List<int>();
        string? line;
        while ((line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                ids.Add(int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
            }
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var job = JsonNode.Parse(line[6..])!.AsObject();
                statuses.Add(job.Str("status"));
                stages.Add(job["stage"]?.GetValue<string>());
                if (job.Str("stage") == "generating")
                {
                    engine.Release.TrySetResult();
                }
            }
        }

        Assert.Equal("succeeded", statuses[^1]);
        Assert.Contains("generating", stages);
        Assert.Equal(ids.Order(), ids);
        var order = new[] { "queued", "running", "succeeded" };
        Assert.Equal(statuses.Select(s => Array.IndexOf(order, s)).Order(), statuses.Select(s => Array.IndexOf(order, s)));
    }

    [Fact]
    public async Task Events_StreamOpenedWhileStopping_Answers200WithTheJobAndEnds()
    {
        var engine = new ControlledEngine();
        // SIGTERM as the server's own parts see it (ShutdownClock), without tearing the test host down under the request.
        using var sigterm = new CancellationTokenSource();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine),
            services => services.Replace(ServiceDescriptor.Singleton(sp => new ShutdownClock(new StoppingLifetime(sigterm.Token), sp.GetRequiredService<TimeProvider>())))));
        using var client = app.CreateClient();
        var id = (await (await client.PostAsync("/api/v1/ppl", Forms.Ppl())).JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // SIGTERM arrives before the stream's first byte: the stream still answers, with the job as it stands.
        await sigterm.CancelAsync();
        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events").WaitAsync(TimeSpan.FromSeconds(30));
        var body = await response.Content.ReadAsStringAsync();
        engine.Release.TrySetResult();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n").Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).ToList();
        var job = JsonNode.Parse(Assert.Single(events)[6..])!.AsObject();
        Assert.Equal(id, job.Str("id"));
        Assert.Equal("running", job.Str("status"));
    }

    /// <summary>A host lifetime whose only event is the stopping one the test triggers.</summary>
    private sealed class StoppingLifetime(CancellationToken stopping) : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => throw new NotSupportedException("The test signals stopping itself.");
    }

    /// <summary>Rewrites the job's lease as a dead process would have left it: another owner, an hour ahead.</summary>
    private static async Task ForgeCrashedLeaseAsync(string dataPath, string id)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataPath, "toonstudio.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE jobs SET status = 'running', lease_owner = 'dead-process', lease_until = $until WHERE id = $id";
        command.Parameters.AddWithValue("$until", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
