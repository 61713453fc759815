using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>get_result on both hosts, and the delivery host with its signed, expiring URLs.</summary>
public static class BflPolling
{
    public static void MapBflDelivery(this WebApplication app) => app.MapGet("/{**path}", Deliver);

    internal static async Task<IResult> Poll(string id, HttpRequest request, FakeState state, FakeUrls urls, bool regional, CancellationToken ct)
    {
        if (!BflApi.Authorized(request, state))
        {
            return BflErrors.For(401, Scenario.Default, request.HttpContext.Response);
        }
        if (!state.BflTasks.TryGetValue(id, out var task))
        {
            return Results.Json(new JsonObject { ["id"] = id, ["status"] = "Task not found" });
        }
        var counters = state.Counters(task.Scenario);
        var servedHere = regional || task.Scenario.Get("poll-host") == "global";
        if (!servedHere)
        {
            // The task lives on a regional cluster; rebuilding the URL against the global host finds nothing.
            state.WrongHostPoll();
            return Results.Json(new JsonObject { ["id"] = id, ["status"] = "Task not found" });
        }
        counters.Poll();
        if (ScenarioFaults.Redirect(task.Scenario, "poll-redirect", request.HttpContext.Response) is { } redirect)
        {
            counters.Reject();
            return redirect;
        }
        await ScenarioFaults.DelayAsync(task.Scenario, "poll-delay", ct);
        if (ScenarioFaults.Take(state, task.Scenario, "poll-http", "poll-times") is { } status)
        {
            counters.Reject();
            return BflErrors.For(status, task.Scenario, request.HttpContext.Response);
        }
        if (await ScenarioFaults.ChaosAsync(task.Scenario, request.HttpContext) is { } chaos)
        {
            counters.Reject();
            return BflErrors.For(chaos, task.Scenario, request.HttpContext.Response);
        }
        if (task.Scenario.Get("malformed") == "poll")
        {
            return Results.Text("{\"id\": \"" + id + "\", \"status\": \"Ready\", \"result\": {", "application/json");
        }
        BflOutcomes.Advance(task, state, urls);
        return Results.Json(task.ToJson());
    }

    private static IResult Deliver(string path, HttpRequest request, FakeState state)
    {
        var se = request.Query["se"].ToString();
        var sig = request.Query["sig"].ToString();
        if (!state.Files.TryGetValue(path, out var file))
        {
            return Results.NotFound();
        }
        if (file.ScenarioKey is not null)
        {
            state.Counters(file.ScenarioKey).Download();
        }
        var signed = Uri.EscapeDataString(sig) == BflOutcomes.Sign(path, Uri.EscapeDataString(se));
        var expired = !DateTimeOffset.TryParse(se, System.Globalization.CultureInfo.InvariantCulture, out var until)
            || until <= state.Options.Time.GetUtcNow() || file.ExpiresAt <= state.Options.Time.GetUtcNow();
        if (!signed || expired)
        {
            return Results.Text("<Error><Code>AuthenticationFailed</Code></Error>", "application/xml", statusCode: 403);
        }
        return Results.Bytes(file.Bytes, file.ContentType);
    }
}
