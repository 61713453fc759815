using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    public async Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken ct)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("$limit", Math.Clamp(query.Limit, 1, 200)) };
        if (query.Kind is { } kind)
        {
            where.Add("kind = $kind");
            parameters.Add(("$kind", JobJson.KindName(kind)));
        }
        if (query.Status is { } status)
        {
            where.Add("status = $status");
            parameters.Add(("$status", JobJson.StatusName(status)));
        }
        if (query.BatchId is { } batch)
        {
            where.Add("batch_id = $batch");
            parameters.Add(("$batch", batch));
        }
        if (JobJson.TryParseCursor(query.Before, out var beforeMs, out var beforeId))
        {
            where.Add("(created_at < $bms OR (created_at = $bms AND id < $bid))");
            parameters.Add(("$bms", beforeMs));
            parameters.Add(("$bid", beforeId));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null,
            $"SELECT {SqliteSchema.Columns} FROM jobs {filter} ORDER BY created_at DESC, id DESC LIMIT $limit", [.. parameters]);
        return await ReadAllAsync(command, ct);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct) => WriteAsync(async (c, t) =>
    {
        await using var command = Command(c, t, "DELETE FROM jobs WHERE id = $id", ("$id", id));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    public async Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(JobKind kind, string engine, int count, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, """
            SELECT completed_at - started_at FROM jobs
            WHERE kind = $kind AND engine = $engine AND status = 'succeeded' AND started_at IS NOT NULL AND completed_at IS NOT NULL
            ORDER BY completed_at DESC LIMIT $count
            """, ("$kind", JobJson.KindName(kind)), ("$engine", engine), ("$count", count));
        var durations = new List<TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            durations.Add(TimeSpan.FromMilliseconds(Math.Max(0, reader.GetInt64(0))));
        }
        return durations;
    }

    public async Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, """
            SELECT id FROM jobs WHERE completed_at IS NOT NULL AND completed_at < $cutoff
              AND status IN ('succeeded', 'failed', 'canceled', 'timed_out')
            ORDER BY completed_at LIMIT $limit
            """, ("$cutoff", cutoff.ToUnixTimeMilliseconds()), ("$limit", limit));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    public async Task<int> CountAsync(JobStatus status, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM jobs WHERE status = $status", ("$status", JobJson.StatusName(status)));
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
