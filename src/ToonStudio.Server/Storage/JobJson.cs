using System.Text.Json;
using System.Text.Json.Serialization;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Storage;

/// <summary>How job rows serialize in the stores (not the API shape, which is <see cref="JobResponse"/>).</summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Job job) => JsonSerializer.Serialize(job, Options);

    public static Job Deserialize(string json) =>
        JsonSerializer.Deserialize<Job>(json, Options) ?? throw new InvalidDataException("A job row holds no job.");

    public static string StatusName(JobStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>A kind's name in rows, the API, metrics and file names: the enum's snake_case name, as rows store it.</summary>
    public static string KindName(JobKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>Opaque history cursor: creation time and id of the last job of a page.</summary>
    public static string Cursor(Job job) => $"{job.CreatedAt.ToUnixTimeMilliseconds()}.{job.Id}";

    public static bool TryParseCursor(string? cursor, out long createdAtMs, out string id)
    {
        createdAtMs = 0;
        id = "";
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(cursor.AsSpan(0, dot), out createdAtMs))
        {
            return false;
        }
        id = cursor[(dot + 1)..];
        return id.Length > 0;
    }
}
