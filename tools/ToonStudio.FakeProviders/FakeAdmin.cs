namespace ToonStudio.FakeProviders;

/// <summary>Admin endpoints on every fake host: counters, the default scenario, reset.</summary>
public static class FakeAdmin
{
    public static void MapAdmin(this WebApplication app)
    {
        app.MapGet("/admin/stats", (FakeState s) => Results.Json(s.Snapshot()));
        app.MapGet("/admin/urls", (FakeUrls u) => Results.Json(u));
        app.MapPost("/admin/scenario", (string? spec, FakeState s) =>
        {
            s.DefaultScenario = string.IsNullOrWhiteSpace(spec) ? Scenario.Default : Scenario.FromSpec(spec);
            return Results.Json(new { scenario = s.DefaultScenario.Key });
        });
        app.MapPost("/admin/reset", (FakeState s) =>
        {
            s.Reset();
            return Results.NoContent();
        });
    }
}
