using System.Text.Json;
using System.Text.Json.Serialization;
using ToonStudio.Imaging;

namespace ToonStudio.Server.Core;

/// <summary>
/// Writes an <see cref="OutputFormat"/> as its wire name (<c>png</c>, <c>jpeg</c>, <c>webp</c>) and reads the names a
/// request accepts, so job rows keep the string they always held.
/// </summary>
public sealed class OutputFormatJsonConverter : JsonConverter<OutputFormat>
{
    public override OutputFormat Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An output format is a string, not {reader.TokenType}.");
        }
        var value = reader.GetString();
        return OutputCatalogue.TryParseOutputFormat(value, out var format)
            ? format
            : throw new JsonException($"Unknown output format '{value}'.");
    }

    public override void Write(Utf8JsonWriter writer, OutputFormat value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OutputCatalogue.WireName(value));
}
