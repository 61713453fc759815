using System.Text.Json;
using System.Text.Json.Serialization;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>FluxKontextProInputs (docs/providers.md §2.4); images are bare base64, as BFL's own example sends them.</summary>
public sealed record BflSubmitRequest(
    string Prompt,
    [property: JsonPropertyName("input_image")] string? InputImage,
    [property: JsonPropertyName("input_image_2")] string? InputImage2,
    long? Seed,
    string? AspectRatio,
    string OutputFormat,
    bool PromptUpsampling,
    int SafetyTolerance);

/// <summary>AsyncResponse: <c>polling_url</c> is regional and must be used verbatim.</summary>
public sealed record BflSubmitResponse(string Id, string PollingUrl, double? Cost, double? InputMp, double? OutputMp);

/// <summary>ResultResponse of get_result.</summary>
public sealed record BflResult(string Id, string Status, JsonElement? Result, double? Progress, JsonElement? Details);

/// <summary>BFL's JSON naming (snake_case, nulls left out).</summary>
internal static class BflJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
