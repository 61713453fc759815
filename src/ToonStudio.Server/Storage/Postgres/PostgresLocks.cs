using System.Security.Cryptography;
using System.Text;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>
/// Advisory lock keys: one bigint per (schema, purpose), so two deployments sharing a database in different schemas
/// never block each other.
/// </summary>
internal static class PostgresLocks
{
    public static long Key(string schema, string purpose) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"toonstudio:{schema}:{purpose}")), 0);
}
