namespace ToonStudio.FakeProviders;

/// <summary>Fault injection shared by both fakes: slow answers and "fail the first N times" counters.</summary>
public static class ScenarioFaults
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Used = new(StringComparer.Ordinal);

    /// <summary>The status to fail with for this request, or null: <c>http=503 times=2</c> fails the first two.</summary>
    public static int? Take(FakeState state, Scenario scenario, string statusKey, string timesKey)
    {
        if (!int.TryParse(scenario.Get(statusKey), out var status))
        {
            return null;
        }
        var times = scenario.Int(timesKey, int.MaxValue);
        var used = Used.AddOrUpdate($"{state.GetHashCode()}|{scenario.Key}|{statusKey}", 1, (_, n) => n + 1);
        return used <= times ? status : null;
    }

    /// <summary>
    /// A redirect instead of an answer when the scenario names a target: <c>redirect=http://127.0.0.1:9/x</c> (on
    /// submit) or <c>poll-redirect=…</c> (on get_result); 307 unless <c>redirect-status</c> says otherwise. A client
    /// that follows it would send its key to that host.
    /// </summary>
    public static IResult? Redirect(Scenario scenario, string key, HttpResponse response)
    {
        if (scenario.Get(key) is not { Length: > 0 } target)
        {
            return null;
        }
        response.Headers.Location = target;
        return Results.StatusCode(scenario.Int("redirect-status", 307));
    }

    /// <summary>The fixed latency of this request's task: <c>latency=ms</c>, else <see cref="FakeProvidersOptions.Latency"/>.</summary>
    public static TimeSpan Latency(FakeState state, Scenario scenario) =>
        scenario.Get("latency") is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)) : state.Options.Latency;

    /// <summary>Whether a task may finish now: by the clock when a latency is set, else after enough polls.</summary>
    public static bool IsDue(FakeState state, Scenario scenario, DateTimeOffset createdAt, int polls, int pollsNeeded)
    {
        var latency = Latency(state, scenario);
        return latency > TimeSpan.Zero ? state.Options.Time.GetUtcNow() >= createdAt + latency : polls >= pollsNeeded;
    }

    /// <summary>
    /// Random faults per request, for chaos runs: <c>chaos-5xx=0.2 chaos-429=0.1 chaos-hang=0.05</c> (probabilities; add
    /// <c>retry-after=1</c> for the 429s' header). A hang holds the request until the client gives up or the fakes stop.
    /// Returns the status to fail with, or null to answer normally.
    /// </summary>
    public static async Task<int?> ChaosAsync(Scenario scenario, HttpContext context)
    {
        double P(string key) => double.TryParse(scenario.Get(key), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        var roll = Random.Shared.NextDouble();
        if ((roll -= P("chaos-hang")) < 0)
        {
            var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Abort();
            return 503;
        }
        if ((roll -= P("chaos-429")) < 0)
        {
            return 429;
        }
        return (roll -= P("chaos-5xx")) < 0 ? (Random.Shared.Next(2) == 0 ? 500 : 503) : null;
    }

    public static Task DelayAsync(Scenario scenario, string key, CancellationToken ct)
    {
        var ms = scenario.Int(key, 0);
        return ms > 0 ? Task.Delay(ms, ct) : Task.CompletedTask;
    }
}
