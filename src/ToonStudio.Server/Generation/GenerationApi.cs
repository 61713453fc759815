using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Localization;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Generation;

/// <summary>The asynchronous API the UI uses: <c>POST /api/v1/ppl</c>, <c>/goods</c>, <c>/goods/batch</c> → 202 and a job.</summary>
public static partial class GenerationApi
{
    public static RouteGroupBuilder MapGenerationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Generation").DisableAntiforgery().AddEndpointFilter<IntakeRejectionFilter>()
            .RequireRateLimiting(Security.RateLimits.Generation);
        group.MapPost(JobKindDescriptor.Ppl.Route, CreatePplJob).WithName(nameof(CreatePplJob));
        group.MapPost(JobKindDescriptor.Goods.Route, CreateGoodsJob).WithName(nameof(CreateGoodsJob));
        group.MapPost($"{JobKindDescriptor.Goods.Route}/batch", CreateGoodsBatch).WithName(nameof(CreateGoodsBatch));
        return group;
    }

    /// <summary>The answer of a goods batch: its id and one job per goods type.</summary>
    public sealed record BatchResponse(string? BatchId, IReadOnlyList<JobResponse> Jobs);

    public static Task<Results<Accepted<JobResponse>, Ok<JobResponse>>> CreatePplJob(HttpContext context, JobCreator jobs, JobWaiter waiter,
        IOptions<GenerationOptions> options, CancellationToken ct) => CreateAsync(context, JobKind.Ppl, jobs, waiter, options.Value, ct);

    public static Task<Results<Accepted<JobResponse>, Ok<JobResponse>>> CreateGoodsJob(HttpContext context, JobCreator jobs, JobWaiter waiter,
        IOptions<GenerationOptions> options, CancellationToken ct) => CreateAsync(context, JobKind.Goods, jobs, waiter, options.Value, ct);

    public static async Task<Accepted<BatchResponse>> CreateGoodsBatch(HttpContext context, JobCreator jobs, IOptions<GenerationOptions> options, CancellationToken ct)
    {
        var form = await MultipartForm.ReadAsync(context.Request, options.Value.MaxUploadBytes, GenerationFields.Repeatable, ct);
        var request = WithWebhook(context, form, GenerationRequestParser.Parse(form, JobKind.Goods, options.Value, batch: true));
        var created = await jobs.CreateAsync(request, IdempotencyKey(context), ct);
        FollowWebhooks(context, created.Select(c => c.Job));
        var language = Language.Of(context.Request);
        var batchId = created[0].Job.BatchId;
        return TypedResults.Accepted(batchId is null ? $"/api/v1/jobs/{created[0].Job.Id}" : $"/api/v1/jobs?batch={batchId}",
            new BatchResponse(batchId, [.. created.Select(c => JobResponse.From(c.Job, null, language))]));
    }

    private static async Task<Results<Accepted<JobResponse>, Ok<JobResponse>>> CreateAsync(HttpContext context, JobKind kind, JobCreator jobs,
        JobWaiter waiter, GenerationOptions options, CancellationToken ct)
    {
        var form = await MultipartForm.ReadAsync(context.Request, options.MaxUploadBytes, GenerationFields.Repeatable, ct);
        var request = WithWebhook(context, form, GenerationRequestParser.Parse(form, kind, options));
        var job = (await jobs.CreateAsync(request, IdempotencyKey(context), ct))[0].Job;
        FollowWebhooks(context, [job]);
        var location = $"/api/v1/jobs/{job.Id}";
        context.Response.Headers["X-Job-Id"] = job.Id;
        var language = Language.Of(context.Request);
        if (PreferWait(context.Request, options.MaxPreferWait) is { } wait)
        {
            context.Response.Headers["Preference-Applied"] = $"wait={(int)wait.TotalSeconds}";
            job = await waiter.WaitAsync(job.Id, wait, ct) ?? job;
            if (job.IsTerminal)
            {
                return TypedResults.Ok(JobResponse.From(job, null, language));
            }
        }
        return TypedResults.Accepted(location, JobResponse.From(job, null, language));
    }

    /// <summary>The optional <c>webhook_url</c> field (v1 endpoints only), validated against the webhook allowlist.</summary>
    private static GenerationRequest WithWebhook(HttpContext context, MultipartForm form, GenerationRequest request) =>
        request with { WebhookUrl = context.RequestServices.GetRequiredService<Webhooks.WebhookUrls>().Parse(form.Text(Webhooks.WebhookUrls.Field)) };

    private static void FollowWebhooks(HttpContext context, IEnumerable<Job> created)
    {
        var dispatcher = context.RequestServices.GetRequiredService<Webhooks.WebhookDispatcher>();
        foreach (var job in created.Where(j => j.WebhookUrl is not null))
        {
            dispatcher.Follow(job.Id);
        }
    }

    internal static string? IdempotencyKey(HttpContext context)
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString().Trim().Trim('"');
        if (key.Length == 0)
        {
            return null;
        }
        return key.Length <= 200 ? key : throw ToonStudioException.Invalid("Idempotency-Key", "at most 200 characters", "최대 200자");
    }

    /// <summary>RFC 7240 <c>Prefer: wait=N</c>, capped at the configured maximum.</summary>
    internal static TimeSpan? PreferWait(HttpRequest request, TimeSpan max)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            var match = WaitPreference().Match(value ?? "");
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                var wait = TimeSpan.FromSeconds(seconds);
                return wait > max ? max : wait;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?:^|[,;\s])wait\s*=\s*(\d{1,6})", RegexOptions.IgnoreCase)]
    private static partial Regex WaitPreference();
}
