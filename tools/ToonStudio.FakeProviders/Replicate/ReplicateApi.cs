using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>The fake api.replicate.com: model-endpoint create, get, cancel, Files API.</summary>
public static class ReplicateApi
{
    public static void MapReplicateApi(this WebApplication app)
    {
        app.MapPost("/v1/models/{owner}/{name}/predictions", Create);
        app.MapGet("/v1/predictions/{id}", Get);
        app.MapPost("/v1/predictions/{id}/cancel", Cancel);
        app.MapPost("/v1/files", ReplicateFilesApi.Upload).DisableAntiforgery();
        app.MapGet("/v1/files/{id}", ReplicateFilesApi.Describe);
    }

    internal static bool Authorized(HttpRequest request, FakeState state)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..]
            : header.StartsWith("Token ", StringComparison.Ordinal) ? header[6..] : "";
        return token.Length > 0 && (state.Options.ReplicateToken is null || token == state.Options.ReplicateToken);
    }

    private static async Task<IResult> Create(string owner, string name, HttpRequest request, FakeState state, FakeUrls urls, CancellationToken ct)
    {
        var model = $"{owner}/{name}";
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        JsonObject? body = null;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        var scenario = Scenario.Parse(body?["input"]?["prompt"]?.ToString(), state.DefaultScenario);
        var counters = state.Counters(scenario);
        counters.SubmitAttempt();
        counters.LastPrefer = request.Headers["Prefer"].ToString();
        counters.LastCancelAfter = request.Headers["Cancel-After"].ToString();
        await ScenarioFaults.DelayAsync(scenario, "delay", ct);
        if (!Authorized(request, state))
        {
            return ReplicateErrors.For(401, scenario, request.HttpContext.Response);
        }
        if (ScenarioFaults.Redirect(scenario, "redirect", request.HttpContext.Response) is { } redirect)
        {
            counters.Reject();
            return redirect;
        }
        if (body is null)
        {
            return ReplicateErrors.For(400, scenario, request.HttpContext.Response);
        }
        if (!ReplicateSchemas.IsKnown(model))
        {
            return ReplicateErrors.For(404, scenario, request.HttpContext.Response);
        }
        if (ScenarioFaults.Take(state, scenario, "http", "times") is { } status)
        {
            counters.Reject();
            return ReplicateErrors.For(status, scenario, request.HttpContext.Response);
        }
        if (await ScenarioFaults.ChaosAsync(scenario, request.HttpContext) is { } chaos)
        {
            counters.Reject();
            return ReplicateErrors.For(chaos, scenario, request.HttpContext.Response);
        }
        if (ReplicateSchemas.Validate(model, body) is { Count: > 0 } errors)
        {
            return Results.Json(ReplicateErrors.Invalid(errors), statusCode: 422);
        }
        if (scenario.Get("malformed") == "create")
        {
            counters.Submission();
            return Results.Text("{\"id\": \"abc\", \"status\": ", "application/json", statusCode: 201);
        }
        var input = (JsonObject)body["input"]!;
        var prediction = new ReplicatePrediction
        {
            Id = NewId(),
            Model = model,
            Input = input,
            Scenario = scenario,
            CreatedAt = state.Options.Time.GetUtcNow(),
            InputImages = ReplicateFilesApi.ResolveImages(model, input, state, urls),
            PollsNeeded = scenario.Int("polls", state.Options.DefaultPolls),
        };
        state.Predictions[prediction.Id] = prediction;
        counters.Submission();
        var prefer = request.Headers["Prefer"].ToString();
        if (prefer.StartsWith("wait", StringComparison.Ordinal) && ScenarioFaults.Latency(state, scenario) is var latency && latency > TimeSpan.Zero)
        {
            // Sync mode with a fixed latency: hold until the prediction is due or the asked wait (≤ 60 s) runs out.
            var wait = TimeSpan.FromSeconds(int.TryParse(prefer.AsSpan(Math.Min(prefer.Length, 5)), out var n) ? n : 60);
            // Until the wall clock says so: a timer may fire a hair before GetUtcNow agrees (different clocks), and an
            // answer of "processing" then cost the client a whole poll interval (the load run's 1 s p99 outliers).
            var until = prediction.CreatedAt + (latency < wait ? latency : wait);
            for (var now = state.Options.Time.GetUtcNow(); now < until; now = state.Options.Time.GetUtcNow())
            {
                await Task.Delay(until - now, state.Options.Time, ct);
            }
            ReplicateOutcomes.Advance(prediction, state, urls, poll: false);
        }
        else if (prefer.StartsWith("wait", StringComparison.Ordinal) && prediction.PollsNeeded == 0)
        {
            ReplicateOutcomes.Advance(prediction, state, urls, poll: false);
        }
        var json = prediction.ToJson(urls);
        request.HttpContext.Response.Headers.Location = json["urls"]!["get"]!.ToString();
        return Results.Json(json, statusCode: 201);
    }

    private static async Task<IResult> Get(string id, HttpRequest request, FakeState state, FakeUrls urls, CancellationToken ct)
    {
        if (!state.Predictions.TryGetValue(id, out var p))
        {
            return ReplicateErrors.For(Authorized(request, state) ? 404 : 401, Scenario.Default, request.HttpContext.Response);
        }
        var counters = state.Counters(p.Scenario);
        counters.Poll();
        await ScenarioFaults.DelayAsync(p.Scenario, "poll-delay", ct);
        if (!Authorized(request, state))
        {
            return ReplicateErrors.For(401, p.Scenario, request.HttpContext.Response);
        }
        if (ScenarioFaults.Take(state, p.Scenario, "poll-http", "poll-times") is { } status)
        {
            counters.Reject();
            return ReplicateErrors.For(status, p.Scenario, request.HttpContext.Response);
        }
        if (await ScenarioFaults.ChaosAsync(p.Scenario, request.HttpContext) is { } chaos)
        {
            counters.Reject();
            return ReplicateErrors.For(chaos, p.Scenario, request.HttpContext.Response);
        }
        if (p.Scenario.Get("malformed") == "poll")
        {
            return Results.Text("{\"id\": \"" + p.Id + "\", \"status\": ", "application/json");
        }
        ReplicateOutcomes.Advance(p, state, urls, poll: true);
        return Results.Json(p.ToJson(urls));
    }

    private static IResult Cancel(string id, HttpRequest request, FakeState state, FakeUrls urls)
    {
        if (!Authorized(request, state) || !state.Predictions.TryGetValue(id, out var p))
        {
            return ReplicateErrors.For(Authorized(request, state) ? 404 : 401, Scenario.Default, request.HttpContext.Response);
        }
        state.Counters(p.Scenario).Cancel();
        lock (p.Gate)
        {
            if (!p.IsTerminal)
            {
                (p.Status, p.CompletedAt) = ("canceled", state.Options.Time.GetUtcNow());
            }
        }
        return Results.Json(p.ToJson(urls));
    }

    private static string NewId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Create(26, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
