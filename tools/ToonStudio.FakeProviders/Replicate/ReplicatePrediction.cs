using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>
/// One fake prediction. It moves on each GET (not on a clock), so tests are deterministic:
/// starting → processing → the scenario's end after <c>polls</c> GETs.
/// </summary>
public sealed class ReplicatePrediction
{
    public required string Id { get; init; }
    public required string Model { get; init; }
    public required JsonObject Input { get; init; }
    public required Scenario Scenario { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<byte[]> InputImages { get; init; }
    public required int PollsNeeded { get; init; }
    public Lock Gate { get; } = new();
    public string Status { get; set; } = "starting";
    public int PollCount { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public JsonNode? Output { get; set; }
    public string? Error { get; set; }
    public bool DataRemoved { get; set; }

    public bool IsTerminal => Status is "succeeded" or "failed" or "canceled" or "aborted";

    public JsonObject ToJson(FakeUrls urls)
    {
        var get = FakeUrls.Join(urls.ReplicateApi, $"v1/predictions/{Id}");
        var json = new JsonObject
        {
            ["id"] = Id,
            ["model"] = Model,
            ["version"] = "hidden",
            ["input"] = DataRemoved ? new JsonObject() : Input.DeepClone(),
            ["logs"] = DataRemoved ? "" : Status == "starting" ? "" : "Using seed: 42\nGenerating...\n",
            ["output"] = DataRemoved ? null : Output?.DeepClone(),
            ["data_removed"] = DataRemoved,
            ["error"] = Error,
            ["status"] = Status,
            ["source"] = "api",
            ["created_at"] = CreatedAt.UtcDateTime.ToString("O"),
            ["urls"] = new JsonObject
            {
                ["get"] = get,
                ["cancel"] = get + "/cancel",
                ["web"] = $"https://replicate.com/p/{Id}",
            },
        };
        if (StartedAt is { } started)
        {
            json["started_at"] = started.UtcDateTime.ToString("O");
        }
        if (CompletedAt is { } completed)
        {
            json["completed_at"] = completed.UtcDateTime.ToString("O");
            json["metrics"] = new JsonObject { ["image_count"] = Status == "succeeded" ? 1 : 0, ["predict_time"] = 1.5 };
        }
        return json;
    }
}
