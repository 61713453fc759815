using static ToonStudio.ScaleOut.Tests.ScaleOutJobs;
using static ToonStudio.ScaleOut.Tests.ScaleOutTests;

namespace ToonStudio.ScaleOut.Tests;

/// <summary><c>kill -9</c> of one replica mid-run, on a cluster of its own with a short lease.</summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

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
        await Wait.UntilAsync(async () => (await cluster.CountByStatusAsync()).GetValueOrDefault("queued") == 0
                && (running = await cluster.RunningAsync()).Where(r => r.Owner == victim.Name).All(r => r.Submitted),
            TimeSpan.FromSeconds(60), () => Describe(cluster));
        var orphans = running.Where(r => r.Owner == victim.Name).Select(r => r.Id).ToList();
        Assert.NotEmpty(orphans);

        victim.KillHard();
        var killedAt = DateTimeOffset.UtcNow;
        await Wait.UntilAsync(async () => (await cluster.RunningAsync()).All(r => r.Owner != victim.Name), Patience, () => Describe(cluster));
        var takenOverAfter = DateTimeOffset.UtcNow - killedAt;
        await Wait.UntilAsync(async () => Terminal(await cluster.CountByStatusAsync()) == specs.Length, Patience, () => Describe(cluster));

        Assert.Equal(specs.Length, (await cluster.CountByStatusAsync()).GetValueOrDefault("succeeded"));
        Assert.All(specs, spec => Assert.Equal(1, cluster.Fakes.State.Counters(spec).Submissions));
        var resumed = cluster.Replicas.Where(r => r != victim).SelectMany(Started).Where(s => s.Resumed).Select(s => s.Id).ToHashSet();
        Assert.All(orphans, id => Assert.Contains(id, resumed));
        output.WriteLine($"{orphans.Count} jobs of {victim.Name} taken over {takenOverAfter.TotalSeconds:F1} s after kill -9 (lease {lease.TotalSeconds} s), all resumed with their provider task");
        // The lease, one idle poll (1 s) of a survivor, and this test's 200 ms sampling, with room for a loaded machine.
        Assert.True(takenOverAfter < lease + TimeSpan.FromSeconds(4), $"taken over only {takenOverAfter} after the kill");
    }

}
