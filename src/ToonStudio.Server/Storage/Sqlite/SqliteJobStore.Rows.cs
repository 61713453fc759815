using Microsoft.Data.Sqlite;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    private static (string Sql, (string, object?)[] Parameters) Upsert(Job job, bool insert)
    {
        var sql = insert
            ? """
              INSERT INTO jobs (id, kind, engine, status, created_at, started_at, completed_at, idempotency_key, batch_id, data)
              VALUES ($id, $kind, $engine, $status, $created, $started, $completed, $key, $batch, $data)
              """
            : """
              UPDATE jobs SET status = $status, started_at = $started, completed_at = $completed, data = $data,
                  lease_owner = CASE WHEN $terminal THEN NULL ELSE lease_owner END,
                  lease_until = CASE WHEN $terminal THEN NULL ELSE lease_until END
              WHERE id = $id AND ($owner IS NULL OR lease_owner = $owner)
              """;
        return (sql,
        [
            ("$id", job.Id), ("$kind", JobJson.KindName(job.Kind)), ("$engine", job.Engine),
            ("$status", JobJson.StatusName(job.Status)), ("$created", job.CreatedAt.ToUnixTimeMilliseconds()),
            ("$started", job.StartedAt?.ToUnixTimeMilliseconds()), ("$completed", job.CompletedAt?.ToUnixTimeMilliseconds()),
            ("$key", job.IdempotencyKey), ("$batch", job.BatchId), ("$data", JobJson.Serialize(Stored(job))),
            ("$terminal", job.IsTerminal), ("$owner", job.LeaseOwner),
        ]);
    }

    /// <summary>The JSON document never carries the columns the store owns, so a stale copy cannot undo them.</summary>
    private static Job Stored(Job job) => job with { CancelRequested = false, LeaseOwner = null, LeaseUntil = null };

    private static Job Read(SqliteDataReader reader)
    {
        var job = JobJson.Deserialize(reader.GetString(1));
        return job with
        {
            CancelRequested = reader.GetInt64(3) != 0,
            LeaseOwner = reader.IsDBNull(4) ? null : reader.GetString(4),
            LeaseUntil = reader.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        };
    }

    private static async Task<List<Job>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var jobs = new List<Job>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            jobs.Add(Read(reader));
        }
        return jobs;
    }

    private static async Task<Job?> ReadOneAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, $"SELECT {SqliteSchema.Columns} FROM jobs WHERE id = $id", ("$id", id));
        var jobs = await ReadAllAsync(command, ct);
        return jobs.Count == 0 ? null : jobs[0];
    }
}
