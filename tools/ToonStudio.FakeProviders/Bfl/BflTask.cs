using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>One fake BFL task; like the Replicate fake it moves on each poll, so tests are deterministic.</summary>
public sealed class BflTask
{
    public required string Id { get; init; }
    public required string Model { get; init; }
    public required string ApiKey { get; init; }
    public required Scenario Scenario { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required int PollsNeeded { get; init; }
    public required JsonObject Request { get; init; }
    public required IReadOnlyList<byte[]> InputImages { get; init; }
    public Lock Gate { get; } = new();
    public int PollCount { get; set; }
    public string Status { get; set; } = "Pending";
    public bool Finished { get; set; }
    public JsonObject? Result { get; set; }
    public JsonObject? Details { get; set; }

    public bool IsActive(DateTimeOffset now, TimeSpan abandonedAfter) => !Finished && CreatedAt + abandonedAfter > now;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["status"] = Status,
        ["result"] = Result?.DeepClone(),
        ["progress"] = Finished ? null : Math.Round((double)PollCount / Math.Max(1, PollsNeeded), 2),
        ["details"] = Details?.DeepClone(),
        ["preview"] = null,
    };
}
