using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Generation;

/// <summary>
/// The earlier system's endpoints, unchanged for its forms and scripts: multipart in, image bytes out.
/// Behind them is an ordinary job: a client that gives up does not cancel it, and <c>X-Job-Id</c> finds it again.
/// </summary>
public static class CompatibleApi
{
    /// <summary>How long past the job's own deadline the request waits for the runner to record the timeout.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapCompatibleApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(JobKindDescriptor.Ppl.CompatibleRoute, GeneratePpl).WithName(nameof(GeneratePpl)).WithTags("Compatible").DisableAntiforgery()
            .AddEndpointFilter<IntakeRejectionFilter>().RequireRateLimiting(Security.RateLimits.Generation);
        app.MapPost(JobKindDescriptor.Goods.CompatibleRoute, GenerateGoods).WithName(nameof(GenerateGoods)).WithTags("Compatible").DisableAntiforgery()
            .AddEndpointFilter<IntakeRejectionFilter>().RequireRateLimiting(Security.RateLimits.Generation);
        return app;
    }

    public static Task<IResult> GeneratePpl(HttpContext context, JobCreator jobs, JobWaiter waiter, IBlobStore blobs,
        IOptions<GenerationOptions> options, TimeProvider time) => GenerateAsync(context, JobKind.Ppl, jobs, waiter, blobs, options.Value, time);

    public static Task<IResult> GenerateGoods(HttpContext context, JobCreator jobs, JobWaiter waiter, IBlobStore blobs,
        IOptions<GenerationOptions> options, TimeProvider time) => GenerateAsync(context, JobKind.Goods, jobs, waiter, blobs, options.Value, time);

    private static async Task<IResult> GenerateAsync(HttpContext context, JobKind kind, JobCreator jobs, JobWaiter waiter, IBlobStore blobs,
        GenerationOptions options, TimeProvider time)
    {
        // Reading the upload follows the client; creating the job does not, so a job once accepted is never half-made.
        var form = await MultipartForm.ReadAsync(context.Request, options.MaxUploadBytes, GenerationFields.Repeatable, context.RequestAborted);
        var request = GenerationRequestParser.Parse(form, kind, options);
        var job = (await jobs.CreateAsync(request, GenerationApi.IdempotencyKey(context), CancellationToken.None))[0].Job;
        context.Response.Headers["X-Job-Id"] = job.Id;
        context.Response.Headers["X-Engine"] = job.Engine;
        var wait = job.Deadline - time.GetUtcNow() + Grace;
        var waited = await waiter.WaitAsync(job.Id, wait, context.RequestAborted);
        if (waited is null)
        {
            // Deleted while we waited (DELETE from the history, or retention): not a timeout.
            return Problems.Create(context, ErrorCode.NotFound, jobId: job.Id);
        }
        job = waited;
        return job.Status switch
        {
            JobStatus.Succeeded => await ResultAsync(context, blobs, job),
            JobStatus.Failed or JobStatus.Canceled or JobStatus.TimedOut =>
                Problems.Create(context, job.ErrorCode ?? ErrorCode.InternalError, job.ErrorDetail, jobId: job.Id,
                    retryAfter: job.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    args: new Dictionary<string, string> { ["engine"] = job.Engine, ["why"] = job.ErrorDetail ?? "" }),
            _ => Problems.Create(context, ErrorCode.GenerationTimeout, jobId: job.Id),
        };
    }

    private static async Task<IResult> ResultAsync(HttpContext context, IBlobStore blobs, Job job)
    {
        var blob = await blobs.OpenReadAsync(JobBlobs.Result(job.Id), context.RequestAborted);
        if (blob is null)
        {
            return Problems.Create(context, ErrorCode.NotFound, jobId: job.Id);
        }
        context.Response.RegisterForDisposeAsync(blob);
        return Results.Stream(blob.Content, blob.Info.ContentType);
    }
}
