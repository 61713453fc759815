using System.Text.Json;
using System.Text.Json.Serialization;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>The prediction object (docs/providers.md §1.4), only the fields the engine reads.</summary>
public sealed record ReplicatePrediction(
    string Id,
    string Status,
    JsonElement? Output,
    JsonElement? Error,
    ReplicateUrls? Urls,
    [property: JsonPropertyName("data_removed")] bool DataRemoved)
{
    public bool IsTerminal => Status is "succeeded" or "failed" or "canceled" or "aborted";
}

public sealed record ReplicateUrls(string? Get, string? Cancel);

public sealed record ReplicateCreateRequest(IReadOnlyDictionary<string, object> Input);

public sealed record ReplicateFile(string Id, ReplicateUrls? Urls);

internal static class ReplicateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
