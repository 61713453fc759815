using System.Text.Json.Nodes;
using ToonStudio.Imaging;

namespace ToonStudio.FakeProviders;

/// <summary>The input schemas of the four models in docs/providers.md §1.5, checked the way Replicate reports violations.</summary>
public static class ReplicateSchemas
{
    /// <summary>The models' aspect_ratio enum: the same fourteen values ToonStudio's catalogue offers.</summary>
    public static IReadOnlyList<string> AspectRatios => OutputCatalogue.AspectRatios;

    private static readonly string[] TopLevel = ["input", "webhook", "webhook_events_filter", "stream"];

    public static bool IsKnown(string model) => ImageFields(model) is not null;

    public static string[]? ImageFields(string model) => model switch
    {
        "flux-kontext-apps/multi-image-kontext-max" or "flux-kontext-apps/multi-image-kontext-pro" => ["input_image_1", "input_image_2"],
        "black-forest-labs/flux-kontext-max" or "black-forest-labs/flux-kontext-pro" => ["input_image"],
        _ => null,
    };

    /// <summary>Returns (type, field, description) of each violation; empty when the body is valid.</summary>
    public static List<(string Type, string Field, string Description)> Validate(string model, JsonObject body)
    {
        var errors = new List<(string, string, string)>();
        foreach (var key in body.Select(p => p.Key).Where(k => !TopLevel.Contains(k)))
        {
            errors.Add(("additional_property_not_allowed", key, $"Additional property {key} is not allowed"));
        }
        if (body["input"] is not JsonObject input)
        {
            errors.Add(("required", "input", "input is required"));
            return errors;
        }
        if (input["prompt"]?.GetValue<string>() is not { Length: > 0 })
        {
            errors.Add(("required", "input", "prompt is required"));
        }
        var multi = model.StartsWith("flux-kontext-apps/", StringComparison.Ordinal);
        foreach (var field in multi ? ImageFields(model)! : [])
        {
            if (input[field] is null)
            {
                errors.Add(("required", "input", $"{field} is required"));
            }
        }
        if (input["output_format"]?.GetValue<string>() is { } format && format is not ("jpg" or "png"))
        {
            errors.Add(("enum", "input.output_format", "output_format must be one of the following: \"jpg\", \"png\""));
        }
        if (input["aspect_ratio"]?.GetValue<string>() is { } ratio && !AspectRatios.Contains(ratio))
        {
            errors.Add(("enum", "input.aspect_ratio", "aspect_ratio must be one of the following: " + string.Join(", ", AspectRatios.Select(a => $"\"{a}\""))));
        }
        var max = multi ? 2 : 6;
        if (input["safety_tolerance"] is { } st && (st.GetValue<int>() > max || st.GetValue<int>() < 0))
        {
            errors.Add(("number_lte", "input.safety_tolerance", $"Must be less than or equal to {max}"));
        }
        return errors;
    }
}
