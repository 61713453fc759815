using Microsoft.Extensions.Options;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Sqlite;
using static ToonStudio.Server.Tests.Storage.TestJobs;

namespace ToonStudio.Server.Tests.Storage;

public sealed class SqliteJobStoreTests : JobStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), TestServices.UniqueName("toonstudio-sqlite-"));
    private SqliteJobStore? _store;

    protected override async Task<IJobStore> CreateStoreAsync()
    {
        _store = new SqliteJobStore(Options.Create(new ToonStudioOptions { DataPath = _folder }));
        await _store.InitializeAsync(default);
        return _store;
    }

    /// <summary>The file belongs to one process (IsExclusive), which shares one store instance.</summary>
    protected override Task<IJobStore> OpenSameStoreAsync() => Task.FromResult<IJobStore>(_store!);

    protected override Task DropStoreAsync()
    {
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReleaseAllLeasesAsync_ExclusiveStore_MakesRunningJobsClaimableAtOnce()
    {
        await Store.CreateAsync(New("j"), default);
        await Store.TryClaimAsync("dead", ["local"], T0, TimeSpan.FromMinutes(5), default);

        Assert.True(Store.IsExclusive);
        Assert.Equal(1, await Store.ReleaseAllLeasesAsync(default));
        Assert.Equal("j", (await Store.TryClaimAsync("new", ["local"], T0.AddSeconds(1), TimeSpan.FromMinutes(5), default))?.Id);
    }
}
