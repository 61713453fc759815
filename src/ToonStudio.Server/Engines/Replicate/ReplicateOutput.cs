using System.Text.Json;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>
/// Where the image is. The four models document one URI string; a list of URIs (older models, some SDK paths)
/// and an inline data URI (late-2024 sync outputs) are accepted too. Anything else is reported by shape.
/// </summary>
public static class ReplicateOutput
{
    public static bool TryGetLocation(JsonElement? output, out string location, out string shape)
    {
        (location, shape) = ("", Describe(output));
        if (output is not { } value)
        {
            return false;
        }
        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            value = value[0];
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            && (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || Uri.TryCreate(text, UriKind.Absolute, out _)))
        {
            location = text;
            return true;
        }
        return false;
    }

    /// <summary>A shape for the log ("object{image}", "array[0]", "number"), never the content itself.</summary>
    public static string Describe(JsonElement? output) => output switch
    {
        null => "null",
        { ValueKind: JsonValueKind.Object } o => $"object{{{string.Join(',', o.EnumerateObject().Select(p => p.Name).Take(5))}}}",
        { ValueKind: JsonValueKind.Array } a => $"array[{a.GetArrayLength()}] of {(a.GetArrayLength() > 0 ? a[0].ValueKind.ToString().ToLowerInvariant() : "nothing")}",
        { } v => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
