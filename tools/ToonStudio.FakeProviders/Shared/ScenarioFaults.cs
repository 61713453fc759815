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

    public static Task DelayAsync(Scenario scenario, string key, CancellationToken ct)
    {
        var ms = scenario.Int(key, 0);
        return ms > 0 ? Task.Delay(ms, ct) : Task.CompletedTask;
    }
}
