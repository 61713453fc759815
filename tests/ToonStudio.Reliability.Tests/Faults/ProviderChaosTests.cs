using ToonStudio.FakeProviders;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>
/// Provider chaos against the real server process: 20 % 5xx, 10 % 429 with Retry-After and 5 % hangs on every
/// submit and poll. No job is lost, each ends within its deadline, a failure carries the code of its fault.
/// </summary>
public sealed class ProviderChaosTests(ChaosServer server, ITestOutputHelper output) : IClassFixture<ChaosServer>
{
    private const string Chaos = "chaos-5xx=0.2 chaos-429=0.1 chaos-hang=0.05 retry-after=1 latency=1000";

    [Fact]
    public async Task CreateJobs_ProviderChaos_EveryJobEndsWithinItsDeadlineWithAProviderCode()
    {
        var count = Scale.Pick(60, 400);
        var run = Guid.NewGuid().ToString("N")[..8];
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await server.Jobs.CreateAsync("ppl", $"holding a can [fake:{Chaos} tag={run}-{i}]");
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            return (await JobsClient.ReadJsonAsync(response)).GetProperty("id").GetString()!;
        }));

        var jobs = await server.Jobs.WaitTerminalAsync(created, ChaosServer.Deadline + TimeSpan.FromSeconds(60));

        output.WriteLine(string.Join(", ", jobs.Values.GroupBy(j => JobsClient.ErrorCode(j) ?? JobsClient.Status(j)).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(count, jobs.Count);
        Assert.All(jobs.Values, job => Assert.True(JobsClient.IsTerminal(job), $"job not terminal: {job}"));
        Assert.All(jobs.Values, job =>
            Assert.True(job.GetProperty("completedAt").GetDateTimeOffset() <= job.GetProperty("deadline").GetDateTimeOffset() + ChaosServer.RecordingGrace, $"ended after its deadline: {job}"));
        Assert.All(jobs.Values.Where(j => JobsClient.Status(j) != "succeeded"), job =>
            Assert.Contains(JobsClient.ErrorCode(job), new[] { "provider_failed", "provider_rate_limited", "generation_timeout" }));
        Assert.Contains(jobs.Values, job => JobsClient.Status(job) == "succeeded");
        // A submit is retried only when the provider cannot have accepted it: exactly one paid task for each job that
        // holds a provider task id, and never two for any job (one without an id may still have had its acceptance
        // overtaken by the deadline, so 0 or 1 there).
        Assert.All(Enumerable.Range(0, count).Where(i => HasTaskId(jobs[created[i]])), i => Assert.Equal(1, server.Fakes.Counters($"{Chaos} tag={run}-{i}").Submissions));
        Assert.All(Enumerable.Range(0, count), i => Assert.InRange(server.Fakes.Counters($"{Chaos} tag={run}-{i}").Submissions, 0, 1));
    }

    private static bool HasTaskId(System.Text.Json.JsonElement job) =>
        job.TryGetProperty("providerTaskId", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String;
}

/// <summary>The fakes and one server process per test class (a shared one let one class open the other's circuit breaker).</summary>
public class ChaosServer : IAsyncLifetime
{
    /// <summary>Shortened in the fast run so a hung provider costs seconds, the production 2 minutes in the long run.</summary>
    public static readonly TimeSpan Deadline = Scale.Pick(TimeSpan.FromSeconds(12), TimeSpan.FromMinutes(2));

    /// <summary>Between the deadline firing and the final row being written (a loaded CI machine included).</summary>
    public static readonly TimeSpan RecordingGrace = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new("chaos");
    private readonly TimeSpan _deadline;
    private ServerProcess? _server;

    public ChaosServer()
        : this(Deadline)
    {
    }

    /// <summary>A server whose jobs have <paramref name="deadline"/> instead of <see cref="Deadline"/>.</summary>
    protected ChaosServer(TimeSpan deadline) => _deadline = deadline;

    public FakeProvidersHost Fakes { get; private set; } = null!;
    public JobsClient Jobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fakes = await FakeProvidersHost.StartAsync();
        var settings = FakeSettings.For(Fakes.Urls, _folder.Sub("data"));
        settings["ToonStudio:Generation:Timeout"] = _deadline.ToString();
        settings["ToonStudio:Replicate:PollInterval"] = "00:00:00.250";
        settings["ToonStudio:Replicate:Resilience:BaseDelay"] = Scale.Pick(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)).ToString();
        _server = await ServerProcess.StartAsync(settings, Path.Combine(_folder.Path, "server.log"));
        Jobs = new JobsClient(_server.Http);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await Fakes.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>
/// The chaos server with the production deadline of 2 minutes in both scales: a fault the server reports at once must
/// be reported as itself, never overtaken by the deadline on a slow machine.
/// </summary>
public sealed class PatientChaosServer() : ChaosServer(TimeSpan.FromMinutes(2));
