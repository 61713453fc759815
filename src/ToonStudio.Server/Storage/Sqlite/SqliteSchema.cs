namespace ToonStudio.Server.Storage.Sqlite;

/// <summary>
/// One table. The columns the store filters, orders or changes on its own (status, lease, cancel flag) are real
/// columns; the rest of the job is a JSON document, so new fields need no migration.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS jobs (
            id               TEXT PRIMARY KEY,
            kind             TEXT NOT NULL,
            engine           TEXT NOT NULL,
            status           TEXT NOT NULL,
            created_at       INTEGER NOT NULL,
            started_at       INTEGER NULL,
            completed_at     INTEGER NULL,
            idempotency_key  TEXT NULL UNIQUE,
            batch_id         TEXT NULL,
            cancel_requested INTEGER NOT NULL DEFAULT 0,
            lease_owner      TEXT NULL,
            lease_until      INTEGER NULL,
            data             TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_jobs_claim ON jobs (status, created_at);
        CREATE INDEX IF NOT EXISTS ix_jobs_history ON jobs (created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS ix_jobs_batch ON jobs (batch_id);
        CREATE INDEX IF NOT EXISTS ix_jobs_completed ON jobs (completed_at);
        """;

    public const string Columns = "id, data, status, cancel_requested, lease_owner, lease_until";
}
