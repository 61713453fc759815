using Npgsql;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// Retention runs on one replica at a time: the one holding a session advisory lock on a connection it keeps open.
/// If that replica dies, PostgreSQL drops its connection and lock, and the next replica to ask becomes the leader.
/// </summary>
internal sealed class PostgresRetentionLeader(NpgsqlDataSource db, long key) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _held;

    public async Task<bool> IsLeaderAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_held is not null && await AliveAsync(_held, ct))
            {
                return true;
            }
            await DropAsync();
            var conn = await db.OpenConnectionAsync(ct);
            await using var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", conn);
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                _held = conn;
                return true;
            }
            await conn.DisposeAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is { } conn)
        {
            try
            {
                await using var free = new NpgsqlCommand("select pg_advisory_unlock(@key)", conn);
                free.Parameters.AddWithValue("key", key);
                await free.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // A broken connection holds no lock: the server dropped it with the session.
            }
        }
        await DropAsync();
        _gate.Dispose();
    }

    private static async Task<bool> AliveAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        try
        {
            await using var ping = new NpgsqlCommand("select 1", conn);
            await ping.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task DropAsync()
    {
        if (_held is { } conn)
        {
            _held = null;
            // Only ever dropped when dead (the server freed the lock with the session) or after an explicit unlock.
            await conn.DisposeAsync();
        }
    }
}
