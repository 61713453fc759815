using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>Replicate's error bodies as quoted in docs/providers.md §1.9.</summary>
public static class ReplicateErrors
{
    public const string E005 = "The input or output was flagged as sensitive. Please try again with different inputs. (E005) (uIJ6l3ruRD)";

    public static IResult For(int status, Scenario scenario, HttpResponse response)
    {
        var body = status switch
        {
            400 => new JsonObject { ["detail"] = "Failed to parse request body as JSON: EOF", ["status"] = 400 },
            401 => new JsonObject { ["title"] = "Unauthenticated", ["detail"] = "You did not pass a valid authentication token", ["status"] = 401 },
            402 => new JsonObject
            {
                ["title"] = "Insufficient credit",
                ["detail"] = "You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before trying again.",
                ["status"] = 402,
            },
            404 => new JsonObject { ["detail"] = "The requested resource could not be found.", ["status"] = 404 },
            422 => Invalid([("enum", "input.output_format", "output_format must be one of the following: \"jpg\", \"png\"")]),
            429 => Throttled(scenario),
            _ => new JsonObject { ["detail"] = status >= 500 ? "Internal server error" : "Error", ["status"] = status },
        };
        if (status == 429 && scenario.Get("retry-after") is { } header)
        {
            response.Headers.RetryAfter = header;
        }
        return Results.Json(body, statusCode: status);
    }

    public static JsonObject Invalid(IEnumerable<(string Type, string Field, string Description)> errors)
    {
        var list = errors.ToList();
        var fields = new JsonArray();
        foreach (var (type, field, description) in list)
        {
            fields.Add(new JsonObject { ["type"] = type, ["field"] = field, ["description"] = description });
        }
        return new JsonObject
        {
            ["detail"] = string.Concat(list.Select(e => $"- {e.Field}: {e.Description}\n")),
            ["status"] = 422,
            ["title"] = "Input validation failed",
            ["invalid_fields"] = fields,
        };
    }

    private static JsonObject Throttled(Scenario scenario)
    {
        if (scenario.Get("retry_after") is { } seconds && int.TryParse(seconds, out var s))
        {
            return new JsonObject
            {
                ["detail"] = $"Request was throttled. Your rate limit for creating predictions is reduced to 6 requests per minute with a burst of 1 requests while you have less than $5.0 in credit. Your rate limit resets in ~{s}s.",
                ["status"] = 429,
                ["retry_after"] = s,
            };
        }
        return new JsonObject { ["detail"] = "Request was throttled. Expected available in 1 second." };
    }
}
