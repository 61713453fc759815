using Microsoft.AspNetCore.Http.HttpResults;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Hosting;

/// <summary>Probes: <c>/healthz</c> says the process answers; <c>/readyz</c> that its stores answer too.</summary>
public static class HealthApi
{
    /// <summary>The liveness answer.</summary>
    public sealed record Health(string Status);
    /// <summary>The readiness answer: the stores and each engine.</summary>
    public sealed record Readiness(string Status, bool JobStore, bool BlobStore, IReadOnlyDictionary<string, bool> Engines);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealth).WithName(nameof(GetHealth)).WithTags("Ops");
        app.MapGet("/readyz", GetReadiness).WithName(nameof(GetReadiness)).WithTags("Ops");
        return app;
    }

    public static Ok<Health> GetHealth() => TypedResults.Ok(new Health("ok"));

    public static async Task<JsonHttpResult<Readiness>> GetReadiness(IJobStore store, IBlobStore blobs, EngineRegistry engines, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var jobStore = await Probe(() => store.PingAsync(timeout.Token));
        var blobStore = await Probe(() => blobs.PingAsync(timeout.Token));
        var ready = jobStore && blobStore;
        var configured = engines.All.ToDictionary(e => e.Name, e => e.Availability.Configured);
        return TypedResults.Json(new Readiness(ready ? "ready" : "not_ready", jobStore, blobStore, configured),
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> Probe(Func<Task<bool>> ping)
    {
        try
        {
            return await ping();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
