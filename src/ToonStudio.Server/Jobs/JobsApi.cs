using Microsoft.AspNetCore.Http.HttpResults;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Localization;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>Reading, following, canceling and deleting jobs: <c>/api/v1/jobs</c>.</summary>
public static partial class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/jobs").WithTags("Jobs");
        group.MapGet("/", ListJobs).WithName(nameof(ListJobs));
        group.MapGet("/{id}", GetJob).WithName(nameof(GetJob));
        group.MapGet("/{id}/events", StreamJobEvents).WithName(nameof(StreamJobEvents));
        group.MapPost("/{id}/cancel", CancelJob).WithName(nameof(CancelJob));
        group.MapDelete("/{id}", DeleteJob).WithName(nameof(DeleteJob));
        group.MapGet("/{id}/result", GetJobResult).WithName(nameof(GetJobResult));
        group.MapGet("/{id}/inputs/{index:int}", GetJobInput).WithName(nameof(GetJobInput));
        group.MapGet("/{id}/artifacts/{name}", GetJobArtifact).WithName(nameof(GetJobArtifact));
        return group;
    }

    /// <summary>One page of the history, newest first, with the cursor of the next.</summary>
    public sealed record JobPage(IReadOnlyList<JobResponse> Items, string? Next);

    public static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListJobs(
        HttpContext context, IJobStore store, EtaEstimator eta, string? kind, string? status, int? limit, string? before, string? batch, CancellationToken ct)
    {
        JobKind? kindFilter = string.IsNullOrEmpty(kind) ? null
            : JobKindDescriptor.TryParse(kind, out var descriptor) ? descriptor.Kind
            : throw ToonStudioException.Invalid("kind", string.Join(", ", JobKindDescriptor.All.Select(d => d.Name)));
        JobStatus? statusFilter = string.IsNullOrEmpty(status) ? null
            : Enum.GetValues<JobStatus>().Cast<JobStatus?>().FirstOrDefault(s => JobJson.StatusName(s!.Value) == status)
              ?? throw ToonStudioException.Invalid("status", "queued, running, succeeded, failed, canceled, timed_out");
        var size = limit ?? 24;
        if (size is < 1 or > 100)
        {
            throw ToonStudioException.Invalid("limit", "1–100");
        }
        var jobs = await store.ListAsync(new JobQuery(kindFilter, statusFilter, size + 1, before, batch), ct);
        var language = Language.Of(context.Request);
        var items = new List<JobResponse>(Math.Min(size, jobs.Count));
        foreach (var job in jobs.Take(size))
        {
            items.Add(JobResponse.From(job, await eta.SecondsLeftAsync(job, ct), language));
        }
        return TypedResults.Ok(new JobPage(items, jobs.Count > size ? JobJson.Cursor(jobs[size - 1]) : null));
    }

    public static async Task<Ok<JobResponse>> GetJob(string id, HttpContext context, IJobStore store, EtaEstimator eta, CancellationToken ct)
    {
        var job = await FindAsync(store, id, ct);
        return TypedResults.Ok(JobResponse.From(job, await eta.SecondsLeftAsync(job, ct), Language.Of(context.Request)));
    }

    public static async Task<Ok<JobResponse>> CancelJob(string id, HttpContext context, JobControl jobs, CancellationToken ct)
    {
        var job = await jobs.CancelAsync(id, ct) ?? throw new ToonStudioException(ErrorCode.NotFound, field: "id");
        return TypedResults.Ok(JobResponse.From(job, null, Language.Of(context.Request)));
    }

    public static async Task<NoContent> DeleteJob(string id, JobControl jobs, CancellationToken ct) =>
        await jobs.DeleteAsync(id, ct) ? TypedResults.NoContent() : throw new ToonStudioException(ErrorCode.NotFound, field: "id");

    internal static async Task<Job> FindAsync(IJobStore store, string id, CancellationToken ct) =>
        (JobIds.IsWellFormed(id) ? await store.GetAsync(id, ct) : null) ?? throw new ToonStudioException(ErrorCode.NotFound, field: "id");
}
