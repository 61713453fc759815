using Npgsql;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Postgres;
using static ToonStudio.Server.Tests.Storage.TestJobs;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>The contract on PostgreSQL, plus what only a shared store has: replicas starting and cleaning up at once.</summary>
public sealed class PostgresJobStoreTests : JobStoreContractTests
{
    private readonly string _schema = TestServices.UniqueName("t_");
    private readonly List<PostgresJobStore> _stores = [];
    private NpgsqlDataSource? _db;

    protected override async Task<IJobStore> CreateStoreAsync()
    {
        _db = NpgsqlDataSource.Create(TestServices.Postgres);
        return await OpenSameStoreAsync();
    }

    protected override async Task<IJobStore> OpenSameStoreAsync()
    {
        var store = new PostgresJobStore(_db!, _schema);
        _stores.Add(store);
        await store.InitializeAsync(default);
        return store;
    }

    protected override async Task DropStoreAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        if (_db is not null)
        {
            await using var drop = _db.CreateCommand($"drop schema if exists {_schema} cascade");
            await drop.ExecuteNonQueryAsync();
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task InitializeAsync_ManyReplicasAtOnce_AppliesEachMigrationOnce()
    {
        var schema = TestServices.UniqueName("t_");
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => new PostgresJobStore(_db!, schema).InitializeAsync(default)));

            await using var count = _db!.CreateCommand($"select count(*), max(version) from {schema}.schema_migrations");
            await using var r = await count.ExecuteReaderAsync();
            await r.ReadAsync();
            Assert.Equal(((long)PostgresMigrations.Latest, PostgresMigrations.Latest), (r.GetInt64(0), r.GetInt32(1)));
        }
        finally
        {
            await using var drop = _db!.CreateCommand($"drop schema if exists {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task ReleaseAllLeasesAsync_SharedStore_KeepsOtherReplicasLeases()
    {
        await Store.CreateAsync(New("j"), default);
        await Store.TryClaimAsync("other-replica", ["local"], T0, TimeSpan.FromMinutes(5), default);

        Assert.False(Store.IsExclusive);
        Assert.Equal(0, await Store.ReleaseAllLeasesAsync(default));
        Assert.Equal("other-replica", (await Store.GetAsync("j", default))?.LeaseOwner);
    }

    [Fact]
    public async Task ListExpiredAsync_TwoReplicas_OnlyTheRetentionLeaderGetsIds()
    {
        await Store.CreateAsync(New("old") with { Status = JobStatus.Succeeded, CompletedAt = T0 }, default);
        var leader = (PostgresJobStore)Store;
        var follower = (PostgresJobStore)await OpenSameStoreAsync();

        Assert.Equal(["old"], await leader.ListExpiredAsync(T0.AddDays(1), 10, default));
        Assert.Empty(await follower.ListExpiredAsync(T0.AddDays(1), 10, default));

        await leader.DisposeAsync();
        Assert.Equal(["old"], await follower.ListExpiredAsync(T0.AddDays(1), 10, default));
    }
}
