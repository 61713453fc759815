using Npgsql;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// Versioned schema changes, applied in one transaction under an advisory lock: when several replicas start at once,
/// the first applies what is missing and the others wait, then find nothing left to do. Append only: never edit a
/// released version, add the next one.
/// </summary>
internal static class PostgresMigrations
{
    private static readonly string[] Versions =
    [
        // 1: the job table, the same shape as SQLite's: the columns the store filters, orders or changes on its own
        // are real columns (times as Unix milliseconds, so cursors and lease comparisons match SQLite to the
        // millisecond); the rest of the job is a JSON document (JobJson), so new fields need no migration.
        """
        create table {s}.jobs (
            id               text primary key,
            kind             text not null,
            engine           text not null,
            status           text not null,
            created_at       bigint not null,
            started_at       bigint,
            completed_at     bigint,
            idempotency_key  text unique,
            batch_id         text,
            cancel_requested boolean not null default false,
            lease_owner      text,
            lease_until      bigint,
            data             jsonb not null);
        create index jobs_claimable on {s}.jobs (created_at, id) where status in ('queued', 'running');
        create index jobs_history on {s}.jobs (created_at desc, id desc);
        create index jobs_batch on {s}.jobs (batch_id) where batch_id is not null;
        create index jobs_completed on {s}.jobs (completed_at) where completed_at is not null;
        create index jobs_durations on {s}.jobs (kind, engine, completed_at desc) where status = 'succeeded';
        """,
        // 2: claims read queued jobs per engine and expired leases apart. One index over both made every claim walk past
        // all running (leased) rows first: quadratic under a deep queue (measured: minutes for 20 000 claims).
        """
        drop index {s}.jobs_claimable;
        create index jobs_queued on {s}.jobs (engine, created_at, id) where status = 'queued';
        create index jobs_leases on {s}.jobs (lease_until) where status = 'running';
        """,
    ];

    public static int Latest => Versions.Length;

    public static async Task<int> ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Execute(conn, tx, "select pg_advisory_xact_lock(@key)", ct, ("key", PostgresLocks.Key(schema, "migrations")));
        await Execute(conn, tx, $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations (version integer primary key, applied_at timestamptz not null default now());
            """, ct);
        await using var read = new NpgsqlCommand($"select coalesce(max(version), 0) from {schema}.schema_migrations", conn, tx);
        var current = (int)(await read.ExecuteScalarAsync(ct) ?? 0);
        for (var v = current + 1; v <= Versions.Length; v++)
        {
            await Execute(conn, tx, Versions[v - 1].Replace("{s}", schema, StringComparison.Ordinal), ct);
            await Execute(conn, tx, $"insert into {schema}.schema_migrations (version) values (@v)", ct, ("v", v));
        }
        await tx.CommitAsync(ct);
        return Math.Max(0, Versions.Length - current);
    }

    private static async Task Execute(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
