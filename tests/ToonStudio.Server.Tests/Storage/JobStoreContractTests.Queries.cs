using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using static ToonStudio.Server.Tests.Storage.TestJobs;

namespace ToonStudio.Server.Tests.Storage;

public abstract partial class JobStoreContractTests
{
    [Fact]
    public async Task ListAsync_PagedWithCursor_NewestFirstWithoutGapsOrRepeats()
    {
        // Pairs share a millisecond: the cursor must break ties by id.
        for (var i = 0; i < 7; i++)
        {
            await Store.CreateAsync(New($"j{i}", T0.AddMilliseconds(i / 2)), default);
        }

        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 5; page++)
        {
            var jobs = await Store.ListAsync(new JobQuery(null, null, 3, cursor), default);
            seen.AddRange(jobs.Select(j => j.Id));
            if (jobs.Count < 3)
            {
                break;
            }
            cursor = JobJson.Cursor(jobs[^1]);
        }

        Assert.Equal(["j6", "j5", "j4", "j3", "j2", "j1", "j0"], seen);
    }

    [Fact]
    public async Task ListAsync_Filters_ReturnOnlyMatchingJobs()
    {
        await Store.CreateAsync(New("ppl", T0), default);
        await Store.CreateAsync(New("mug", T0.AddSeconds(1), kind: JobKind.Goods, batchId: "b"), default);
        await Store.CreateAsync(New("tee", T0.AddSeconds(2), kind: JobKind.Goods, batchId: "b"), default);
        await Store.RequestCancelAsync("tee", T0.AddSeconds(3), default);

        Assert.Equal(["tee", "mug"], (await Store.ListAsync(new JobQuery(JobKind.Goods, null, 10, null), default)).Select(j => j.Id));
        Assert.Equal(["mug"], (await Store.ListAsync(new JobQuery(JobKind.Goods, JobStatus.Queued, 10, null), default)).Select(j => j.Id));
        Assert.Equal(["tee", "mug"], (await Store.ListAsync(new JobQuery(null, null, 10, null, "b"), default)).Select(j => j.Id));
        Assert.Equal(["tee"], (await Store.ListAsync(new JobQuery(null, null, 1, null), default)).Select(j => j.Id));
    }

    [Fact]
    public async Task ListAsync_MalformedCursor_ListsFromTheNewest()
    {
        await Store.CreateAsync(New("j"), default);

        Assert.Equal(["j"], (await Store.ListAsync(new JobQuery(null, null, 10, "not-a-cursor"), default)).Select(j => j.Id));
    }

    [Fact]
    public async Task RecentDurationsAsync_SucceededJobs_LatestFirstOfKindAndEngine()
    {
        for (var i = 1; i <= 4; i++)
        {
            var job = New($"j{i}") with { Status = JobStatus.Succeeded, StartedAt = T0, CompletedAt = T0.AddSeconds(i) };
            await Store.CreateAsync(job, default);
        }
        await Store.CreateAsync(New("failed") with { Status = JobStatus.Failed, StartedAt = T0, CompletedAt = T0.AddSeconds(9) }, default);
        await Store.CreateAsync(New("bfl", engine: "bfl") with { Status = JobStatus.Succeeded, StartedAt = T0, CompletedAt = T0.AddSeconds(8) }, default);

        var durations = await Store.RecentDurationsAsync(JobKind.Ppl, "local", 3, default);

        Assert.Equal([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2)], durations);
    }

    [Fact]
    public async Task ListExpiredAsync_TerminalJobsBeforeCutoff_OldestFirst()
    {
        await Store.CreateAsync(New("old") with { Status = JobStatus.Succeeded, CompletedAt = T0 }, default);
        await Store.CreateAsync(New("older") with { Status = JobStatus.Canceled, CompletedAt = T0.AddSeconds(-1) }, default);
        await Store.CreateAsync(New("recent") with { Status = JobStatus.Failed, CompletedAt = T0.AddDays(2) }, default);
        await Store.CreateAsync(New("queued"), default);

        Assert.Equal(["older", "old"], await Store.ListExpiredAsync(T0.AddDays(1), 10, default));
        Assert.Equal(["older"], await Store.ListExpiredAsync(T0.AddDays(1), 1, default));
    }

    [Fact]
    public async Task CountAsync_ByStatus_CountsRows()
    {
        await Store.CreateAsync(New("a"), default);
        await Store.CreateAsync(New("b", T0.AddSeconds(1)), default);
        await Store.TryClaimAsync("w", Local, T0, Lease, default);

        Assert.Equal((1, 1, 0), (await Store.CountAsync(JobStatus.Queued, default), await Store.CountAsync(JobStatus.Running, default),
            await Store.CountAsync(JobStatus.Succeeded, default)));
    }
}
