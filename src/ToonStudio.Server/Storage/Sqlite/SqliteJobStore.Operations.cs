using Microsoft.Data.Sqlite;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    public Task<JobCreateResult> CreateAsync(Job job, CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        if (job.IdempotencyKey is not null)
        {
            await using var find = Command(c, t, $"SELECT {SqliteSchema.Columns} FROM jobs WHERE idempotency_key = $key", ("$key", job.IdempotencyKey));
            var existing = await ReadAllAsync(find, ct);
            if (existing.Count > 0)
            {
                return new JobCreateResult(existing[0], Created: false);
            }
        }
        var (sql, parameters) = Upsert(job, insert: true);
        await using var insert = Command(c, t, sql, parameters);
        await insert.ExecuteNonQueryAsync(ct);
        return new JobCreateResult(job, Created: true);
    }, ct);

    public async Task<Job?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await ReadOneAsync(connection, null, id, ct);
    }

    public async Task<Job?> FindByIdempotencyKeyAsync(string key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var find = Command(connection, null, $"SELECT {SqliteSchema.Columns} FROM jobs WHERE idempotency_key = $key", ("$key", key));
        return (await ReadAllAsync(find, ct)).FirstOrDefault();
    }

    public Task<Job?> TryClaimAsync(string owner, IReadOnlyCollection<string> engines, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        if (engines.Count == 0)
        {
            return Task.FromResult<Job?>(null);
        }
        return WriteAsync(async (c, t) =>
        {
            var names = engines.Select((_, i) => $"$e{i}").ToArray();
            var parameters = engines.Select((e, i) => ($"$e{i}", (object?)e)).Append(("$now", now.ToUnixTimeMilliseconds())).ToArray();
            // Two index-friendly lookups instead of one OR: with the OR, SQLite walked every row of the table.
            // The older of the first queued job and the first orphaned running job wins, so a resumed job never starves.
            var engineFilter = $"engine IN ({string.Join(',', names)})";
            await using var queued = Command(c, t, $"""
                SELECT {SqliteSchema.Columns} FROM jobs WHERE status = 'queued' AND {engineFilter} ORDER BY created_at, id LIMIT 1
                """, parameters);
            await using var orphaned = Command(c, t, $"""
                SELECT {SqliteSchema.Columns} FROM jobs
                WHERE status = 'running' AND (lease_until IS NULL OR lease_until < $now) AND {engineFilter} ORDER BY created_at, id LIMIT 1
                """, parameters);
            var found = (await ReadAllAsync(queued, ct)).Concat(await ReadAllAsync(orphaned, ct))
                .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).Take(1).ToList();
            if (found.Count == 0)
            {
                return null;
            }
            var until = now + lease;
            var job = found[0] with { Status = JobStatus.Running, StartedAt = found[0].StartedAt ?? now, LeaseOwner = owner, LeaseUntil = until };
            await using var update = Command(c, t, """
                UPDATE jobs SET status = 'running', started_at = $started, lease_owner = $owner, lease_until = $until, data = $data
                WHERE id = $id
                """, ("$id", job.Id), ("$started", job.StartedAt?.ToUnixTimeMilliseconds()), ("$owner", owner),
                ("$until", until.ToUnixTimeMilliseconds()), ("$data", JobJson.Serialize(Stored(job))));
            await update.ExecuteNonQueryAsync(ct);
            return (Job?)job;
        }, ct);
    }

    public Task<bool> RenewLeaseAsync(string id, string owner, DateTimeOffset until, CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        await using var command = Command(c, t, "UPDATE jobs SET lease_until = $until WHERE id = $id AND lease_owner = $owner AND status = 'running'",
            ("$id", id), ("$owner", owner), ("$until", until.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    public Task<int> ReleaseAllLeasesAsync(CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        await using var command = Command(c, t, "UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE status = 'running'");
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<bool> UpdateAsync(Job job, CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        var (sql, parameters) = Upsert(job, insert: false);
        await using var command = Command(c, t, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    public Task<Job?> RequestCancelAsync(string id, DateTimeOffset now, CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        var job = await ReadOneAsync(c, t, id, ct);
        if (job is null || job.IsTerminal)
        {
            return job;
        }
        if (job.Status == JobStatus.Queued)
        {
            job = job with { Status = JobStatus.Canceled, CompletedAt = now, ErrorCode = ErrorCode.Canceled, Stage = null };
            var (sql, parameters) = Upsert(job, insert: false);
            await using var update = Command(c, t, sql, parameters);
            await update.ExecuteNonQueryAsync(ct);
        }
        await using var flag = Command(c, t, "UPDATE jobs SET cancel_requested = 1 WHERE id = $id", ("$id", id));
        await flag.ExecuteNonQueryAsync(ct);
        return job with { CancelRequested = true };
    }, ct);
}
