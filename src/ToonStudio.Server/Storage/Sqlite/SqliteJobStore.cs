using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Sqlite;

/// <summary>
/// The embedded job store: one SQLite file in WAL mode. Writes go through one gate so that claims and
/// updates never race inside the process; the file belongs to this process alone (<see cref="IsExclusive"/>).
/// </summary>
public sealed partial class SqliteJobStore(IOptions<ToonStudioOptions> options) : IJobStore, IDisposable
{
    private const int SqliteFull = 13; // SQLITE_FULL

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(options.Value.FullDataPath, "toonstudio.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public bool IsExclusive => true;

    public async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.Value.FullDataPath);
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Create;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return await command.ExecuteScalarAsync(ct) is not null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public void Dispose() => _writeGate.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        // synchronous is a per-connection setting, not stored in the file: the schema's NORMAL reached only the
        // connection that created it, and every other one ran FULL, an fsync per commit behind the write gate.
        // NORMAL in WAL mode survives a process crash (kill -9); an OS crash or power loss may drop the last commits.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteFull)
        {
            throw new StorageFullException("job store", e);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }
}
