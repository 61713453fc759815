using Azure.Storage.Blobs;
using Npgsql;
using ToonStudio.FakeProviders;

namespace ToonStudio.ScaleOut.Tests;

/// <summary>
/// The fakes in-process, and N server processes sharing one PostgreSQL schema and one Azurite container of their
/// own (so clusters of parallel or repeated runs never meet). Each replica's WorkerId is its name.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    /// <summary>The replicas take all their settings from the environment (<see cref="Settings"/>), none as arguments.</summary>
    private static readonly Dictionary<string, string> NoArguments = [];

    private readonly string _folder;
    private readonly BlobContainerClient _container;

    private ScaleOutCluster(FakeProvidersHost fakes, NpgsqlDataSource db, string schema, BlobContainerClient container, string folder, TimeSpan lease)
    {
        (Fakes, Db, Schema, _container, _folder, Lease) = (fakes, db, schema, container, folder, lease);
    }

    public FakeProvidersHost Fakes { get; }
    public NpgsqlDataSource Db { get; }
    public string Schema { get; }
    public TimeSpan Lease { get; }
    public List<ServerProcess> Replicas { get; } = [];

    public static async Task<ScaleOutCluster> StartAsync(int replicas, TimeSpan lease)
    {
        var name = $"so{Guid.NewGuid():N}"[..20];
        var folder = Path.Combine(Path.GetTempPath(), "toonstudio-scaleout", name);
        Directory.CreateDirectory(folder);
        var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { OutputEdge = 256 });
        var cluster = new ScaleOutCluster(fakes, NpgsqlDataSource.Create(ScaleOutServices.Postgres), name,
            new BlobContainerClient(ScaleOutServices.Azurite, name), folder, lease);
        try
        {
            // Start one first so the others find the schema migrated; the rest start at once, as in a rollout.
            cluster.Replicas.Add(await ServerProcess.StartAsync(NoArguments, Path.Combine(folder, "replica-0.log"), cluster.Settings("replica-0")));
            cluster.Replicas.AddRange(await Task.WhenAll(Enumerable.Range(1, replicas - 1)
                .Select(i => ServerProcess.StartAsync(NoArguments, Path.Combine(folder, $"replica-{i}.log"), cluster.Settings($"replica-{i}")))));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public Dictionary<string, string> Settings(string worker)
    {
        var u = Fakes.Urls;
        return new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__ToonStudio.Server.Jobs"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["ToonStudio__DataPath"] = Path.Combine(_folder, worker),
            ["ToonStudio__Storage__Provider"] = "postgres",
            ["ToonStudio__Storage__ConnectionString"] = ScaleOutServices.Postgres,
            ["ToonStudio__Storage__Schema"] = Schema,
            ["ToonStudio__Blobs__Provider"] = "azure",
            ["ToonStudio__Blobs__ConnectionString"] = ScaleOutServices.Azurite,
            ["ToonStudio__Blobs__Container"] = Schema,
            ["ToonStudio__Runner__WorkerId"] = worker,
            ["ToonStudio__Runner__Lease"] = Lease.ToString("c"),
            ["ToonStudio__Runner__IdlePoll"] = "00:00:01",
            ["ToonStudio__Runner__ShutdownGrace"] = "00:00:00",
            ["ToonStudio__Replicate__BaseUrl"] = u.ReplicateApi.ToString().TrimEnd('/'),
            ["ToonStudio__Replicate__PreferWait"] = "00:00:00",
            ["ToonStudio__Replicate__PollInterval"] = "00:00:00.200",
            ["ToonStudio__Replicate__MaxPollInterval"] = "00:00:00.300",
            ["ToonStudio__Downloads__AllowedHosts__0"] = u.ReplicateFiles.ToString().TrimEnd('/'),
            ["ToonStudio__Downloads__AllowedHosts__1"] = u.ReplicateApi.ToString().TrimEnd('/'),
            ["REPLICATE_API_TOKEN"] = "r8_fake",
            ["BFL_API_KEY"] = "",
        };
    }

    /// <summary>Running jobs and the replica holding each (lease owners are <c>{WorkerId}#{claim}</c>), from the shared table.</summary>
    public async Task<List<(string Id, string Owner, bool Submitted)>> RunningAsync()
    {
        await using var cmd = Db.CreateCommand(
            $"select id, split_part(lease_owner, '#', 1), data ? 'providerTaskId' from {Schema}.jobs where status = 'running' and lease_owner is not null");
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string, bool)>();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetString(0), r.GetString(1), r.GetBoolean(2)));
        }
        return rows;
    }

    /// <summary>Jobs per status, of every job or of <paramref name="ids"/> only.</summary>
    public async Task<Dictionary<string, long>> CountByStatusAsync(IReadOnlyCollection<string>? ids = null)
    {
        await using var cmd = Db.CreateCommand(
            $"select status, count(*) from {Schema}.jobs where @ids::text[] is null or id = any(@ids) group by status");
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)ids?.ToArray() ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await r.ReadAsync())
        {
            counts[r.GetString(0)] = r.GetInt64(1);
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }
        await Fakes.DisposeAsync();
        await using (var drop = Db.CreateCommand($"drop schema if exists {Schema} cascade"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await Db.DisposeAsync();
        await _container.DeleteIfExistsAsync();
    }
}
