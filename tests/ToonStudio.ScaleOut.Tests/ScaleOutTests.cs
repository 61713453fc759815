using System.Diagnostics;
using System.Text.RegularExpressions;
using static ToonStudio.ScaleOut.Tests.ScaleOutJobs;

namespace ToonStudio.ScaleOut.Tests;

/// <summary>
/// Issue 7's proof with real processes: three servers sharing PostgreSQL and Azurite, the Replicate fake counting
/// submissions. <c>TOONSTUDIO_SCALEOUT_JOBS=300</c> runs the full load (default 60 keeps CI under a minute).
/// </summary>
public sealed partial class ScaleOutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Jobs_SpreadOverThreeReplicas_EachSucceedsWithOneSubmission()
    {
        await using var cluster = await ScaleOutCluster.StartAsync(3, TimeSpan.FromSeconds(10));
        var count = ScaleOutServices.Jobs;
        var specs = Enumerable.Range(0, count).Select(i => Spec($"load-{i}", polls: 1)).ToArray();
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, ct) => await CreatePplAsync(cluster.Replicas[i % 3].Http, specs[i], ct));
        await WaitUntilAsync(async () => Terminal(await cluster.CountByStatusAsync()) == count, Patience, () => Describe(cluster));
        output.WriteLine($"{count} jobs on 3 replicas in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:F1} jobs/s)");

        Assert.Equal(count, (await cluster.CountByStatusAsync()).GetValueOrDefault("succeeded"));
        Assert.All(specs, spec => Assert.Equal(1, cluster.Fakes.State.Counters(spec).Submissions));
        var ranBy = cluster.Replicas.ToDictionary(r => r.Name, r => Started(r).Count);
        output.WriteLine(string.Join(", ", ranBy.Select(p => $"{p.Key}: {p.Value}")));
        Assert.All(ranBy, p => Assert.True(p.Value > 0, $"{p.Key} ran no job"));
    }

    [Fact]
    public async Task Events_StreamOnOneReplica_FollowsAJobRunByAnother()
    {
        await using var cluster = await ScaleOutCluster.StartAsync(3, TimeSpan.FromSeconds(10));
        var id = await CreatePplAsync(cluster.Replicas[0].Http, Spec("sse", polls: 12));
        string? owner = null;
        await WaitUntilAsync(async () => (owner = (await cluster.RunningAsync()).FirstOrDefault(r => r.Id == id).Owner) is not null,
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

    [Fact]
    public async Task KillNine_ReplicaMidRun_ItsJobsFinishOnTheOthersWithOneSubmissionEach()
    {
        var lease = TimeSpan.FromSeconds(4);
        await using var cluster = await ScaleOutCluster.StartAsync(3, lease);
        var specs = Enumerable.Range(0, 24).Select(i => Spec($"kill-{i}", polls: 25)).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, specs.Length), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, ct) => await CreatePplAsync(cluster.Replicas[i % 3].Http, specs[i], ct));
        var victim = cluster.Replicas[1];
        // Kill once nothing is queued (the victim claims nothing more) and each of its jobs has its provider task stored.
        // The window in which a task is accepted but its id not yet written is a real, milliseconds-wide risk of any
        // design; this test proves the takeover, not luck.
        List<(string Id, string Owner, bool Submitted)> running = [];
        await WaitUntilAsync(async () => (await cluster.CountByStatusAsync()).GetValueOrDefault("queued") == 0
                && (running = await cluster.RunningAsync()).Where(r => r.Owner == victim.Name).All(r => r.Submitted),
            TimeSpan.FromSeconds(60), () => Describe(cluster));
        var orphans = running.Where(r => r.Owner == victim.Name).Select(r => r.Id).ToList();
        Assert.NotEmpty(orphans);

        victim.KillHard();
        var killedAt = DateTimeOffset.UtcNow;
        await WaitUntilAsync(async () => (await cluster.RunningAsync()).All(r => r.Owner != victim.Name), Patience, () => Describe(cluster));
        var takenOverAfter = DateTimeOffset.UtcNow - killedAt;
        await WaitUntilAsync(async () => Terminal(await cluster.CountByStatusAsync()) == specs.Length, Patience, () => Describe(cluster));

        Assert.Equal(specs.Length, (await cluster.CountByStatusAsync()).GetValueOrDefault("succeeded"));
        Assert.All(specs, spec => Assert.Equal(1, cluster.Fakes.State.Counters(spec).Submissions));
        var resumed = cluster.Replicas.Where(r => r != victim).SelectMany(Started).Where(s => s.Resumed).Select(s => s.Id).ToHashSet();
        Assert.All(orphans, id => Assert.Contains(id, resumed));
        output.WriteLine($"{orphans.Count} jobs of {victim.Name} taken over {takenOverAfter.TotalSeconds:F1} s after kill -9 (lease {lease.TotalSeconds} s), all resumed with their provider task");
        // The lease, one idle poll (1 s) of a survivor, and this test's 200 ms sampling, with room for a loaded machine.
        Assert.True(takenOverAfter < lease + TimeSpan.FromSeconds(4), $"taken over only {takenOverAfter} after the kill");
    }

    private static long Terminal(Dictionary<string, long> counts) =>
        counts.Where(p => p.Key is not ("queued" or "running")).Sum(p => p.Value);

    private static async Task<string> Describe(ScaleOutCluster cluster) =>
        string.Join(", ", (await cluster.CountByStatusAsync()).Select(p => $"{p.Key}={p.Value}")) + "; logs: " +
        string.Join(" ", cluster.Replicas.Select(r => r.LogPath));

    private static List<(string Id, bool Resumed)> Started(ServerReplica replica) =>
        [.. StartedLine().Matches(replica.ReadLog()).Select(m => (m.Groups["id"].Value, m.Groups["task"].Value is not ("" or "(null)")))];

    [GeneratedRegex(@"Job (?<id>\S+) started on \S+ \(provider task (?<task>[^)]*)\)")]
    private static partial Regex StartedLine();
}
