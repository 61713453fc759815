using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>BFL error bodies: FastAPI <c>detail</c> strings and HTTPValidationError lists (docs/providers.md §2.9).</summary>
public static class BflErrors
{
    public static IResult For(int status, Scenario scenario, HttpResponse response)
    {
        JsonObject body = status switch
        {
            401 => new() { ["detail"] = "Not authenticated" },
            402 => new() { ["detail"] = "Insufficient credits" },
            422 => Invalid("safety_tolerance", "Input should be less than or equal to 6", "less_than_equal"),
            429 => new() { ["detail"] = "Rate limit exceeded. Please wait before sending more requests." },
            _ => new() { ["detail"] = status >= 500 ? "Internal Server Error" : "Error" },
        };
        if (status == 429)
        {
            if (scenario.Get("retry-after") is { } header)
            {
                response.Headers.RetryAfter = header;
            }
            if (scenario.Get("retry_after") is { } seconds && int.TryParse(seconds, out var s))
            {
                body["retry_after"] = s;
            }
        }
        return Results.Json(body, statusCode: status);
    }

    public static JsonObject Invalid(string field, string message, string type) => new()
    {
        ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body", field), ["msg"] = message, ["type"] = type }),
    };

    public static IResult CapReached(string model, int limit) => Results.Json(
        new JsonObject { ["detail"] = $"You have reached the limit of {limit} active tasks for {model}. Wait until one of your previous tasks has finished." },
        statusCode: 429);
}
