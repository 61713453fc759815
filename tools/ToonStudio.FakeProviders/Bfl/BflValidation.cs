using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>FluxKontextProInputs checks (§2.4), reported as FastAPI's HTTPValidationError.</summary>
public static class BflValidation
{
    private static readonly string[] ImageFields = ["input_image", "input_image_2", "input_image_3", "input_image_4"];

    public sealed record Body(JsonObject? Json, JsonObject? Error, IReadOnlyList<byte[]> Images);

    public static async Task<Body> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }
        if (json is null)
        {
            return new(null, BflErrors.Invalid("body", "JSON decode error", "json_invalid"), []);
        }
        if (json["prompt"]?.ToString() is not { Length: > 0 })
        {
            return new(json, BflErrors.Invalid("prompt", "Field required", "missing"), []);
        }
        if (json["safety_tolerance"]?.GetValue<int>() is { } st && (st < 0 || st > 6))
        {
            return new(json, BflErrors.Invalid("safety_tolerance", "Input should be less than or equal to 6", "less_than_equal"), []);
        }
        if (json["output_format"]?.ToString() is { } format && format is not ("jpeg" or "png"))
        {
            return new(json, BflErrors.Invalid("output_format", "Input should be 'jpeg' or 'png'", "enum"), []);
        }
        var images = new List<byte[]>();
        foreach (var field in ImageFields)
        {
            if (json[field]?.ToString() is not { } value || value.StartsWith("http", StringComparison.Ordinal))
            {
                continue;
            }
            // BFL's own example sends bare base64; a data: prefix is not base64 and fails to decode.
            var bytes = new byte[value.Length];
            if (!Convert.TryFromBase64String(value, bytes, out var written))
            {
                return new(json, BflErrors.Invalid(field, "Invalid base64 image data", "value_error"), []);
            }
            images.Add(bytes[..written]);
        }
        return new(json, null, images);
    }
}
