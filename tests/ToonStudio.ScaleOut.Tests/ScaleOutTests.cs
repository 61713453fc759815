using System.Diagnostics;
using System.Text.RegularExpressions;
using static ToonStudio.ScaleOut.Tests.ScaleOutJobs;

namespace ToonStudio.ScaleOut.Tests;

/// <summary>
/// Issue 7's proof with real processes: three servers sharing PostgreSQL and Azurite, the Replicate fake counting
/// submissions. <c>TOONSTUDIO_SCALEOUT_JOBS=300</c> runs the full load (default 60 keeps CI under a minute).
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed partial class ScaleOutTests(SharedCluster shared, ITestOutputHelper output) : IClassFixture<SharedCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Jobs_SpreadOverThreeReplicas_EachSucceedsWithOneSubmission()
    {
        var cluster = shared.Cluster;
        var count = ScaleOutServices.Jobs;
        var specs = Enumerable.Range(0, count).Select(i => Spec($"load-{i}", polls: 1)).ToArray();
        var clock = Stopwatch.StartNew();

        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, ct) => ids[i] = await CreatePplAsync(cluster.Replicas[i % 3].Http, specs[i], ct));
        await Wait.UntilAsync(async () => Terminal(await cluster.CountByStatusAsync(ids)) == count, Patience, () => Describe(cluster));
        output.WriteLine($"{count} jobs on 3 replicas in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:F1} jobs/s)");

        Assert.Equal(count, (await cluster.CountByStatusAsync(ids)).GetValueOrDefault("succeeded"));
        Assert.All(specs, spec => Assert.Equal(1, cluster.Fakes.State.Counters(spec).Submissions));
        var ranBy = cluster.Replicas.ToDictionary(r => r.Name, r => Started(r).Count);
        output.WriteLine(string.Join(", ", ranBy.Select(p => $"{p.Key}: {p.Value}")));
        Assert.All(ranBy, p => Assert.True(p.Value > 0, $"{p.Key} ran no job"));
    }

    [Fact]
    public async Task IdempotencyKey_SamePostToThreeReplicasAtOnce_OneJobOneSubmission()
    {
        var cluster = shared.Cluster;
        var spec = Spec("idempotent", polls: 1);

        var ids = await Task.WhenAll(cluster.Replicas.Select(r => CreatePplAsync(r.Http, spec, idempotencyKey: "same-key")));
        await Wait.UntilAsync(async () => Terminal(await cluster.CountByStatusAsync(ids)) == 1, Patience, () => Describe(cluster));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await cluster.CountByStatusAsync(ids)).GetValueOrDefault("succeeded"));
        Assert.Equal(1, cluster.Fakes.State.Counters(spec).Submissions);
    }

    [Fact]
    public async Task Events_StreamOnOneReplica_FollowsAJobRunByAnother()
    {
        var cluster = shared.Cluster;
        var id = await CreatePplAsync(cluster.Replicas[0].Http, Spec("sse", polls: 12));
        string? owner = null;
        await Wait.UntilAsync(async () => (owner = (await cluster.RunningAsync()).FirstOrDefault(r => r.Id == id).Owner) is not null,
            TimeSpan.FromSeconds(30), () => Describe(cluster));
        var watcher = cluster.Replicas.First(r => r.Name != owner);

        var events = await ReadEventsAsync(watcher.Http, id, TimeSpan.FromSeconds(60));

        var (arrived, last) = events[^1];
        Assert.Equal("succeeded", last.GetProperty("status").GetString());
        Assert.Contains(events, e => e.Job.GetProperty("status").GetString() == "running");
        // The final event came from the NOTIFY of the replica that ran the job, not from the stream's 15 s keep-alive re-read.
        var lag = arrived - last.GetProperty("completedAt").GetDateTimeOffset();
        output.WriteLine($"run by {owner}, streamed by {watcher.Name}: {events.Count} events, final one {lag.TotalMilliseconds:F0} ms after completion");
        Assert.True(lag < TimeSpan.FromSeconds(10), $"the final event came {lag} after completion");
    }

    internal static long Terminal(Dictionary<string, long> counts) =>
        counts.Where(p => p.Key is not ("queued" or "running")).Sum(p => p.Value);

    internal static async Task<string> Describe(ScaleOutCluster cluster) =>
        string.Join(", ", (await cluster.CountByStatusAsync()).Select(p => $"{p.Key}={p.Value}")) + "; logs: " +
        string.Join(" ", cluster.Replicas.Select(r => r.LogPath));

    internal static List<(string Id, bool Resumed)> Started(ServerProcess replica) =>
        [.. StartedLine().Matches(replica.ReadLog()).Select(m => (m.Groups["id"].Value, m.Groups["task"].Value is not ("" or "(null)")))];

    [GeneratedRegex(@"Job (?<id>\S+) started on \S+ \(provider task (?<task>[^)]*)\)")]
    private static partial Regex StartedLine();
}
