using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>The fake api.bfl.ai (submit, credits, a get_result that only knows regional tasks) and regional host.</summary>
public static class BflApi
{
    private const string KontextMax = "flux-kontext-max";

    public static void MapBflApi(this WebApplication app)
    {
        app.MapPost("/v1/{model}", Submit);
        app.MapGet("/v1/credits", (HttpRequest r, FakeState s) =>
            Authorized(r, s) ? Results.Json(new JsonObject { ["credits"] = 1234.5 }) : BflErrors.For(401, Scenario.Default, r.HttpContext.Response));
        app.MapGet("/v1/get_result", (string id, HttpRequest r, FakeState s, FakeUrls u, CancellationToken ct) => BflPolling.Poll(id, r, s, u, regional: false, ct));
    }

    public static void MapBflRegional(this WebApplication app) =>
        app.MapGet("/v1/get_result", (string id, HttpRequest r, FakeState s, FakeUrls u, CancellationToken ct) => BflPolling.Poll(id, r, s, u, regional: true, ct));

    internal static bool Authorized(HttpRequest request, FakeState state) =>
        request.Headers["x-key"].ToString() is { Length: > 0 } key && (state.Options.BflKey is null || key == state.Options.BflKey);

    private static async Task<IResult> Submit(string model, HttpRequest request, FakeState state, FakeUrls urls, CancellationToken ct)
    {
        if (model is not ("flux-kontext-pro" or KontextMax))
        {
            return Results.Json(new JsonObject { ["detail"] = "Not Found" }, statusCode: 404);
        }
        var body = await BflValidation.ReadAsync(request, ct);
        var scenario = Scenario.Parse(body.Json?["prompt"]?.ToString(), state.DefaultScenario);
        var counters = state.Counters(scenario);
        counters.SubmitAttempt();
        await ScenarioFaults.DelayAsync(scenario, "delay", ct);
        if (!Authorized(request, state))
        {
            return BflErrors.For(401, scenario, request.HttpContext.Response);
        }
        if (ScenarioFaults.Redirect(scenario, "redirect", request.HttpContext.Response) is { } redirect)
        {
            counters.Reject();
            return redirect;
        }
        if (body.Error is not null)
        {
            return Results.Json(body.Error, statusCode: 422);
        }
        if (ScenarioFaults.Take(state, scenario, "http", "times") is { } status)
        {
            counters.Reject();
            return BflErrors.For(status, scenario, request.HttpContext.Response);
        }
        if (await ScenarioFaults.ChaosAsync(scenario, request.HttpContext) is { } chaos)
        {
            counters.Reject();
            return BflErrors.For(chaos, scenario, request.HttpContext.Response);
        }
        var task = new BflTask
        {
            Id = Guid.NewGuid().ToString(),
            Model = model,
            ApiKey = request.Headers["x-key"].ToString(),
            Scenario = scenario,
            CreatedAt = state.Options.Time.GetUtcNow(),
            PollsNeeded = scenario.Int("polls", state.Options.DefaultPolls),
            Request = body.Json!,
            InputImages = body.Images,
        };
        if (!TryAdmit(task, state, out var limit))
        {
            state.CapRejected();
            return BflErrors.CapReached(model, limit);
        }
        counters.Submission();
        if (scenario.Get("malformed") == "submit")
        {
            return Results.Text("{\"id\": \"" + task.Id + "\", \"polling_url\": ", "application/json");
        }
        var pollBase = scenario.Get("poll-host") == "global" ? urls.BflApi : urls.BflRegional;
        return Results.Json(new JsonObject
        {
            ["id"] = task.Id,
            ["polling_url"] = FakeUrls.Join(pollBase, $"v1/get_result?id={task.Id}"),
            ["cost"] = model == KontextMax ? 8 : 4,
            ["input_mp"] = 1.05,
            ["output_mp"] = 1.0,
        });
    }

    /// <summary>The documented caps: 24 active tasks per key, 6 of them at most on flux-kontext-max.</summary>
    private static bool TryAdmit(BflTask task, FakeState state, out int limit)
    {
        var now = state.Options.Time.GetUtcNow();
        lock (state.BflGate)
        {
            var active = state.BflTasks.Values.Where(t => t.ApiKey == task.ApiKey && t.IsActive(now, state.Options.BflAbandonedTaskLifetime)).ToList();
            var activeMax = active.Count(t => t.Model == KontextMax);
            limit = task.Model == KontextMax && activeMax >= state.Options.BflKontextMaxActiveTaskLimit
                ? state.Options.BflKontextMaxActiveTaskLimit : state.Options.BflActiveTaskLimit;
            if (active.Count >= state.Options.BflActiveTaskLimit || (task.Model == KontextMax && activeMax >= state.Options.BflKontextMaxActiveTaskLimit))
            {
                return false;
            }
            state.BflTasks[task.Id] = task;
            state.ObserveActiveKontextMax(task.Model == KontextMax ? activeMax + 1 : activeMax);
            return true;
        }
    }
}
