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

/// <summary>The links Replicate gives a prediction.</summary>
public sealed record ReplicateUrls(string? Get, string? Cancel);

/// <summary>The body that creates a Replicate prediction.</summary>
public sealed record ReplicateCreateRequest(IReadOnlyDictionary<string, object> Input);

/// <summary>An uploaded Replicate file.</summary>
public sealed record ReplicateFile(string Id, ReplicateUrls? Urls);

/// <summary>Replicate's JSON naming (snake_case).</summary>
internal static class ReplicateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
