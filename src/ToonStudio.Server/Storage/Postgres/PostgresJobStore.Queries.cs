using Npgsql;
using NpgsqlTypes;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

public sealed partial class PostgresJobStore
{
    public Task<Job?> RequestCancelAsync(string id, DateTimeOffset now, CancellationToken ct) => FullAsStorageFull(() => RequestCancelCoreAsync(id, now, ct));

    private async Task<Job?> RequestCancelCoreAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var read = new NpgsqlCommand($"select {PostgresJobRows.Columns} from {_t} where id = @id for update", conn, tx);
        read.Parameters.AddWithValue("id", id);
        var found = await PostgresJobRows.ReadAllAsync(read, ct);
        if (found.Count == 0 || found[0].IsTerminal)
        {
            return found.FirstOrDefault();
        }
        var job = found[0];
        if (job.Status == JobStatus.Queued)
        {
            job = job with { Status = JobStatus.Canceled, CompletedAt = now, ErrorCode = ErrorCode.Canceled, Stage = null };
        }
        await using var write = new NpgsqlCommand($"""
            update {_t} set cancel_requested = true, status = @status, completed_at = @completed, data = @data where id = @id
            """, conn, tx);
        PostgresJobRows.Add(write, job);
        await write.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return job with { CancelRequested = true };
    }

    public async Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken ct)
    {
        var where = new List<string>();
        var args = new List<(string, object)> { ("limit", Math.Clamp(query.Limit, 1, 200)) };
        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            args.Add(("kind", JobJson.KindName(kind)));
        }
        if (query.Status is { } status)
        {
            where.Add("status = @status");
            args.Add(("status", JobJson.StatusName(status)));
        }
        if (query.BatchId is { } batch)
        {
            where.Add("batch_id = @batch");
            args.Add(("batch", batch));
        }
        if (JobJson.TryParseCursor(query.Before, out var beforeMs, out var beforeId))
        {
            where.Add("(created_at, id) < (@bms, @bid)");
            args.Add(("bms", beforeMs));
            args.Add(("bid", beforeId));
        }
        var filter = where.Count == 0 ? "" : "where " + string.Join(" and ", where);
        return await QueryAsync($"select {PostgresJobRows.Columns} from {_t} {filter} order by created_at desc, id desc limit @limit", ct, [.. args]);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct) => FullAsStorageFull(() => DeleteCoreAsync(id, ct));

    private async Task<bool> DeleteCoreAsync(string id, CancellationToken ct) =>
        await ExecuteAsync($"delete from {_t} where id = @id", ct, ("id", id)) == 1;

    public async Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(JobKind kind, string engine, int count, CancellationToken ct)
    {
        var durations = new List<TimeSpan>();
        await foreach (var ms in ScalarsAsync<long>($"""
            select completed_at - started_at from {_t}
            where kind = @kind and engine = @engine and status = 'succeeded' and started_at is not null and completed_at is not null
            order by completed_at desc limit @count
            """, ct, ("kind", JobJson.KindName(kind)), ("engine", engine), ("count", Math.Max(0, count))))
        {
            durations.Add(TimeSpan.FromMilliseconds(Math.Max(0, ms)));
        }
        return durations;
    }

    /// <summary>Empty on every replica but the retention leader, so one replica at a time cleans up.</summary>
    public async Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken ct)
    {
        var ids = new List<string>();
        if (!await _retention.IsLeaderAsync(ct))
        {
            return ids;
        }
        await foreach (var id in ScalarsAsync<string>($"""
            select id from {_t} where completed_at is not null and completed_at < @cutoff
              and status in ('succeeded', 'failed', 'canceled', 'timed_out')
            order by completed_at limit @limit
            """, ct, ("cutoff", cutoff.ToUnixTimeMilliseconds()), ("limit", Math.Max(0, limit))))
        {
            ids.Add(id);
        }
        return ids;
    }

    public async Task<int> CountAsync(JobStatus status, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select count(*) from {_t} where status = @status");
        cmd.Parameters.AddWithValue("status", JobJson.StatusName(status));
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand("select 1");
            return await cmd.ExecuteScalarAsync(ct) is not null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private async Task<List<Job>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = Command(sql, args);
        return await PostgresJobRows.ReadAllAsync(cmd, ct);
    }

    private async IAsyncEnumerable<T> ScalarsAsync<T>(string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = Command(sql, args);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return r.GetFieldValue<T>(0);
        }
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = Command(sql, args);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] args)
    {
        var cmd = db.CreateCommand(sql);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return cmd;
    }
}
