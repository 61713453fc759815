using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// The scale-out job store: every replica shares one table, shaped and behaving like the SQLite store's. A claim is
/// one statement: the oldest queued job of each engine and the oldest running job whose lease expired, each read
/// with <c>FOR UPDATE SKIP LOCKED</c> from its own index, then the oldest of those; concurrent claimers never wait
/// on each other nor take the same job.
/// </summary>
public sealed partial class PostgresJobStore(NpgsqlDataSource db, string schema) : IJobStore, IAsyncDisposable
{
    private static readonly string StatusProperty = JobJson.Options.PropertyNamingPolicy!.ConvertName(nameof(Job.Status));
    private static readonly string StartedProperty = JobJson.Options.PropertyNamingPolicy!.ConvertName(nameof(Job.StartedAt));
    private readonly string _t = $"{PostgresOptions.Checked(schema)}.jobs";
    private readonly PostgresRetentionLeader _retention = new(db, PostgresLocks.Key(schema, "retention"));

    /// <summary>Shared by replicas: a lease left by a dead replica expires, it is never released in bulk.</summary>
    public bool IsExclusive => false;

    public Task InitializeAsync(CancellationToken ct) => PostgresMigrations.ApplyAsync(db, schema, ct);

    public ValueTask DisposeAsync() => _retention.DisposeAsync();

    public Task<JobCreateResult> CreateAsync(Job job, CancellationToken ct) => FullAsStorageFull(() => CreateCoreAsync(job, ct));

    private async Task<JobCreateResult> CreateCoreAsync(Job job, CancellationToken ct)
    {
        // ON CONFLICT on the key: a concurrent twin on any replica inserts nothing and returns the winner's row.
        // The loop covers the winner being deleted between the two statements.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using (var insert = db.CreateCommand($"""
                insert into {_t} (id, kind, engine, status, created_at, started_at, completed_at, idempotency_key, batch_id, data)
                values (@id, @kind, @engine, @status, @created, @started, @completed, @key, @batch, @data)
                on conflict (idempotency_key) do nothing
                """))
            {
                PostgresJobRows.Add(insert, job);
                if (await insert.ExecuteNonQueryAsync(ct) == 1)
                {
                    return new JobCreateResult(job, Created: true);
                }
            }
            var existing = await QueryAsync($"select {PostgresJobRows.Columns} from {_t} where idempotency_key = @key", ct, ("key", job.IdempotencyKey!));
            if (existing.Count > 0)
            {
                return new JobCreateResult(existing[0], Created: false);
            }
        }
        throw new InvalidOperationException($"Job {job.Id}: its idempotency key is taken, yet no job holds it.");
    }

    public async Task<Job?> GetAsync(string id, CancellationToken ct) =>
        (await QueryAsync($"select {PostgresJobRows.Columns} from {_t} where id = @id", ct, ("id", id))).FirstOrDefault();

    public async Task<Job?> FindByIdempotencyKeyAsync(string key, CancellationToken ct) =>
        (await QueryAsync($"select {PostgresJobRows.Columns} from {_t} where idempotency_key = @key", ct, ("key", key))).FirstOrDefault();

    public Task<Job?> TryClaimAsync(string owner, IReadOnlyCollection<string> engines, DateTimeOffset now, TimeSpan lease, CancellationToken ct) => FullAsStorageFull(() => TryClaimCoreAsync(owner, engines, now, lease, ct));

    private async Task<Job?> TryClaimCoreAsync(string owner, IReadOnlyCollection<string> engines, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        if (engines.Count == 0)
        {
            return null;
        }
        var until = now + lease;
        await using var cmd = db.CreateCommand($"""
            with queued as (
              select q.id, q.created_at from unnest(@engines) as e(name), lateral (
                select id, created_at from {_t} where status = 'queued' and engine = e.name
                order by created_at, id limit 1 for update skip locked) q),
            expired as (
              select id, created_at from {_t}
              where status = 'running' and engine = any(@engines) and (lease_until is null or lease_until < @now)
              order by created_at, id limit 1 for update skip locked),
            next as (
              select id from (select * from queued union all select * from expired) c order by created_at, id limit 1)
            update {_t} j set status = 'running', started_at = coalesce(j.started_at, @now), lease_owner = @owner,
              lease_until = @until,
              data = case when j.data ? @started_name
                then jsonb_set(j.data, @status_path, @running)
                else jsonb_set(jsonb_set(j.data, @status_path, @running), @started_path, @now_json) end
            from next where j.id = next.id
            returning j.id, j.data, j.status, j.cancel_requested, j.lease_owner, j.lease_until
            """);
        cmd.Parameters.AddWithValue("engines", engines.ToArray());
        cmd.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("owner", owner);
        cmd.Parameters.AddWithValue("until", until.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("started_name", StartedProperty);
        cmd.Parameters.AddWithValue("status_path", new[] { StatusProperty });
        cmd.Parameters.AddWithValue("started_path", new[] { StartedProperty });
        cmd.Parameters.AddWithValue("running", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(JobStatus.Running, JobJson.Options));
        cmd.Parameters.AddWithValue("now_json", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(now, JobJson.Options));
        var claimed = await PostgresJobRows.ReadAllAsync(cmd, ct);
        return claimed.Count == 0 ? null : claimed[0] with { LeaseUntil = until };
    }

    public Task<bool> RenewLeaseAsync(string id, string owner, DateTimeOffset until, CancellationToken ct) => FullAsStorageFull(() => RenewLeaseCoreAsync(id, owner, until, ct));

    private async Task<bool> RenewLeaseCoreAsync(string id, string owner, DateTimeOffset until, CancellationToken ct) =>
        await ExecuteAsync($"update {_t} set lease_until = @until where id = @id and lease_owner = @owner and status = 'running'", ct,
            ("id", id), ("owner", owner), ("until", until.ToUnixTimeMilliseconds())) == 1;

    /// <summary>Does nothing: other replicas hold live leases in the same table (<see cref="IsExclusive"/> is false).</summary>
    public Task<int> ReleaseAllLeasesAsync(CancellationToken ct) => Task.FromResult(0);

    public Task<bool> UpdateAsync(Job job, CancellationToken ct) => FullAsStorageFull(() => UpdateCoreAsync(job, ct));

    private async Task<bool> UpdateCoreAsync(Job job, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            update {_t} set status = @status, started_at = @started, completed_at = @completed, data = @data,
              lease_owner = case when @terminal then null else lease_owner end,
              lease_until = case when @terminal then null else lease_until end
            where id = @id and (@owner::text is null or lease_owner = @owner)
            """);
        PostgresJobRows.Add(cmd, job);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>PostgreSQL's "disk full" (SQLSTATE 53100) becomes the storage-full error every store raises.</summary>
    private static async Task<T> FullAsStorageFull<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DiskFull)
        {
            throw new StorageFullException("job store", e);
        }
    }
}
