using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using static ToonStudio.Server.Tests.Storage.TestJobs;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>
/// What every <see cref="IJobStore"/> must do, run against SQLite and PostgreSQL alike, so the embedded and the
/// scale-out modes behave the same. Each derived class gives every test a store of its own.
/// </summary>
public abstract partial class JobStoreContractTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly string[] Local = ["local"];

    protected IJobStore Store { get; private set; } = null!;

    /// <summary>A new, empty, initialized store, isolated from every other test.</summary>
    protected abstract Task<IJobStore> CreateStoreAsync();

    /// <summary>A second handle on the same data: another replica's store, or for an exclusive store the same one.</summary>
    protected abstract Task<IJobStore> OpenSameStoreAsync();

    protected virtual Task DropStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => DropStoreAsync();

    [Fact]
    public async Task CreateAsync_NewJob_GetReturnsEveryField()
    {
        var job = New("j1", kind: JobKind.Goods, idempotencyKey: "k1", batchId: "b1") with { RequestHash = "h", Cost = 0.08 };

        var result = await Store.CreateAsync(job, default);
        var read = await Store.GetAsync("j1", default);

        Assert.True(result.Created);
        Assert.NotNull(read);
        Assert.Equal(JobKind.Goods, read.Kind);
        Assert.Equal(job.Parameters, read.Parameters);
        Assert.Equal(job.CreatedAt, read.CreatedAt);
        Assert.Equal(job.Deadline, read.Deadline);
        Assert.Equal(("k1", "b1", "h", 0.08, JobStatus.Queued), (read.IdempotencyKey, read.BatchId, read.RequestHash, read.Cost, read.Status));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull() => Assert.Null(await Store.GetAsync("nope", default));

    [Fact]
    public async Task CreateAsync_SameIdempotencyKey_ReturnsTheFirstJob()
    {
        await Store.CreateAsync(New("first", idempotencyKey: "key"), default);

        var second = await Store.CreateAsync(New("second", idempotencyKey: "key"), default);

        Assert.False(second.Created);
        Assert.Equal("first", second.Job.Id);
        Assert.Null(await Store.GetAsync("second", default));
    }

    [Fact]
    public async Task FindByIdempotencyKeyAsync_FindsTheJobOfThatKeyOnly()
    {
        await Store.CreateAsync(New("keyed", idempotencyKey: "key") with { InputSizes = [new ImageSize(640, 480), new ImageSize(32, 64)] }, default);
        await Store.CreateAsync(New("unkeyed"), default);

        var found = await Store.FindByIdempotencyKeyAsync("key", default);

        Assert.Equal("keyed", found?.Id);
        Assert.Equal([new ImageSize(640, 480), new ImageSize(32, 64)], found?.InputSizes);
        Assert.Null(await Store.FindByIdempotencyKeyAsync("other", default));
    }

    [Fact]
    public async Task CreateAsync_SameKeyFromTwoHandlesAtOnce_CreatesOneJob()
    {
        var other = await OpenSameStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            (i % 2 == 0 ? Store : other).CreateAsync(New($"twin{i}", idempotencyKey: "same"), default)));

        var created = Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal(created.Job.Id, r.Job.Id));
        Assert.Equal(1, await Store.CountAsync(JobStatus.Queued, default));
    }

    [Fact]
    public async Task TryClaimAsync_QueuedJobs_ClaimsOldestFirstWithLease()
    {
        await Store.CreateAsync(New("newer", T0.AddSeconds(2)), default);
        await Store.CreateAsync(New("older", T0.AddSeconds(1)), default);
        var now = T0.AddMinutes(1);

        var claimed = await Store.TryClaimAsync("w1", Local, now, Lease, default);
        var read = await Store.GetAsync("older", default);

        Assert.Equal("older", claimed?.Id);
        Assert.Equal((JobStatus.Running, "w1", now + Lease, now), (claimed!.Status, claimed.LeaseOwner, claimed.LeaseUntil, claimed.StartedAt));
        Assert.Equal((JobStatus.Running, "w1", now + Lease, now), (read!.Status, read.LeaseOwner, read.LeaseUntil, read.StartedAt));
    }

    [Fact]
    public async Task TryClaimAsync_OnlyOtherEnginesQueued_ReturnsNull()
    {
        await Store.CreateAsync(New("remote", engine: "replicate"), default);

        Assert.Null(await Store.TryClaimAsync("w1", Local, T0, Lease, default));
        Assert.Null(await Store.TryClaimAsync("w1", [], T0, Lease, default));
        Assert.Equal("remote", (await Store.TryClaimAsync("w1", ["bfl", "replicate"], T0, Lease, default))?.Id);
    }

    [Fact]
    public async Task TryClaimAsync_LeaseStillLive_NotClaimedAgain()
    {
        await Store.CreateAsync(New("j"), default);
        await Store.TryClaimAsync("w1", Local, T0, Lease, default);

        Assert.Null(await Store.TryClaimAsync("w2", Local, T0 + Lease - TimeSpan.FromSeconds(1), Lease, default));
    }

    [Fact]
    public async Task TryClaimAsync_LeaseExpired_TakenOverWithProviderTaskKept()
    {
        await Store.CreateAsync(New("j"), default);
        var first = await Store.TryClaimAsync("w1", Local, T0, Lease, default);
        Assert.True(await Store.UpdateAsync(first! with { Stage = "generating", ProviderTaskId = "task-1", ProviderSubmissions = 1 }, default));
        var later = T0 + Lease + TimeSpan.FromSeconds(1);

        var taken = await Store.TryClaimAsync("w2", Local, later, Lease, default);

        Assert.NotNull(taken);
        Assert.Equal(("w2", later + Lease, T0), (taken.LeaseOwner, taken.LeaseUntil, taken.StartedAt));
        Assert.Equal(("task-1", 1, "generating"), (taken.ProviderTaskId, taken.ProviderSubmissions, taken.Stage));
        Assert.False(await Store.RenewLeaseAsync("j", "w1", later + Lease, default));
        Assert.False(await Store.UpdateAsync(first! with { Stage = "storing" }, default));
        Assert.Equal("generating", (await Store.GetAsync("j", default))?.Stage);
    }

    [Fact]
    public async Task TryClaimAsync_ManyClaimersAtOnce_EachJobClaimedOnce()
    {
        var other = await OpenSameStoreAsync();
        for (var i = 0; i < 40; i++)
        {
            await Store.CreateAsync(New($"j{i:D2}", T0.AddMilliseconds(i)), default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? Store : other;
            var mine = new List<string>();
            while (await store.TryClaimAsync($"w{w}", Local, T0.AddMinutes(1), Lease, default) is { } job)
            {
                mine.Add(job.Id);
            }
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
        Assert.Equal(40, await Store.CountAsync(JobStatus.Running, default));
    }

    [Fact]
    public async Task RenewLeaseAsync_Owner_ExtendsLease()
    {
        await Store.CreateAsync(New("j"), default);
        await Store.TryClaimAsync("w1", Local, T0, Lease, default);
        var until = T0 + Lease + Lease;

        Assert.True(await Store.RenewLeaseAsync("j", "w1", until, default));
        Assert.False(await Store.RenewLeaseAsync("j", "w2", until, default));
        Assert.Null(await Store.TryClaimAsync("w2", Local, T0 + Lease + TimeSpan.FromSeconds(1), Lease, default));
        Assert.Equal(until, (await Store.GetAsync("j", default))?.LeaseUntil);
    }
}
