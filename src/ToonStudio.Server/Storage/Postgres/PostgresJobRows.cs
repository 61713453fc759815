using Npgsql;
using NpgsqlTypes;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>Job ⇄ row, as in the SQLite store: the JSON document plus the columns the store owns.</summary>
internal static class PostgresJobRows
{
    public const string Columns = "id, data, status, cancel_requested, lease_owner, lease_until";

    /// <summary>The JSON document never carries the columns the store owns, so a stale copy cannot undo them.</summary>
    public static Job Stored(Job job) => job with { CancelRequested = false, LeaseOwner = null, LeaseUntil = null };

    public static Job Read(NpgsqlDataReader r) => JobJson.Deserialize(r.GetString(1)) with
    {
        CancelRequested = r.GetBoolean(3),
        LeaseOwner = r.IsDBNull(4) ? null : r.GetString(4),
        LeaseUntil = r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
    };

    /// <summary>Parameters of an insert or update: the row columns and the document.</summary>
    public static void Add(NpgsqlCommand cmd, Job job)
    {
        var p = cmd.Parameters;
        p.AddWithValue("id", job.Id);
        p.AddWithValue("kind", JobJson.KindName(job.Kind));
        p.AddWithValue("engine", job.Engine);
        p.AddWithValue("status", JobJson.StatusName(job.Status));
        p.AddWithValue("created", job.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("started", NpgsqlDbType.Bigint, (object?)job.StartedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("completed", NpgsqlDbType.Bigint, (object?)job.CompletedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("key", NpgsqlDbType.Text, (object?)job.IdempotencyKey ?? DBNull.Value);
        p.AddWithValue("batch", NpgsqlDbType.Text, (object?)job.BatchId ?? DBNull.Value);
        p.AddWithValue("data", NpgsqlDbType.Jsonb, JobJson.Serialize(Stored(job)));
        p.AddWithValue("terminal", job.IsTerminal);
        p.AddWithValue("owner", NpgsqlDbType.Text, (object?)job.LeaseOwner ?? DBNull.Value);
    }

    public static async Task<List<Job>> ReadAllAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var jobs = new List<Job>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            jobs.Add(Read(r));
        }
        return jobs;
    }
}
