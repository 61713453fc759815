using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Intake;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Ops.Tracing;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Generation;

/// <summary>
/// Creates jobs from parsed requests in their natural order: request hash, idempotency lookup (a replay decodes and
/// writes nothing), intake, inputs stored, row inserted, runners woken.
/// </summary>
public sealed class JobCreator(
    IJobStore store,
    IBlobStore blobs,
    IJobEventBus bus,
    EngineRegistry engines,
    IntakeService intake,
    IOptions<GenerationOptions> options,
    TimeProvider time,
    ToonStudioMetrics metrics,
    JobTraceLinks traces)
{
    public async Task<IReadOnlyList<JobCreateResult>> CreateAsync(GenerationRequest request, string? idempotencyKey, CancellationToken ct)
    {
        // The hash names the engine the request runs on, so the engine is chosen first (in memory, no I/O).
        var engine = engines.Resolve(request.Engine, request.Kind);
        var hash = RequestHash(request, engine.Name);
        var types = request.Kind == JobKind.Goods ? request.GoodsTypes.Select(t => (string?)t).ToList() : [null];
        // Each job of a batch gets its own key derived from the one the client sent.
        var keys = types.Select(t => idempotencyKey is null ? null : types.Count > 1 ? $"{idempotencyKey}#{t}" : idempotencyKey).ToList();

        var earlier = await FindEarlierAsync(keys, hash, ct);
        if (earlier.All(j => j is not null))
        {
            return [.. earlier.Select(j => new JobCreateResult(j!, Created: false))];
        }

        var inputs = new List<IntakeResult>(request.Images.Count);
        foreach (var image in request.Images)
        {
            inputs.Add(await intake.ProcessAsync(image, engine.MaxInputEdge, ct));
        }
        var batchId = types.Count > 1 ? JobIds.New() : null;
        var results = new List<JobCreateResult>(types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            results.Add(earlier[i] is { } done
                ? new JobCreateResult(done, Created: false)
                : await CreateOneAsync(request, engine.Name, types[i], inputs, keys[i], hash, batchId, ct));
        }
        return results;
    }

    /// <summary>
    /// The jobs already made under these keys (null where none is); a key made for another request is refused here,
    /// before anything is decoded or written.
    /// </summary>
    private async Task<IReadOnlyList<Job?>> FindEarlierAsync(IReadOnlyList<string?> keys, string hash, CancellationToken ct)
    {
        var found = new List<Job?>(keys.Count);
        foreach (var key in keys)
        {
            var job = key is null ? null : await store.FindByIdempotencyKeyAsync(key, ct);
            if (job is not null && job.RequestHash != hash)
            {
                throw IdempotencyConflict();
            }
            found.Add(job);
        }
        return found;
    }

    private async Task<JobCreateResult> CreateOneAsync(GenerationRequest request, string engine, string? goodsType, List<IntakeResult> inputs,
        string? key, string hash, string? batchId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var parameters = request.Parameters with
        {
            GoodsType = goodsType,
            GoodsColor = goodsType is null || GoodsCatalog.Find(goodsType)?.Colors.Any(c => c.Id == request.Parameters.GoodsColor) != true
                ? null : request.Parameters.GoodsColor,
        };
        var job = new Job
        {
            Id = JobIds.New(),
            Kind = request.Kind,
            Engine = engine,
            Parameters = parameters,
            CreatedAt = now,
            Deadline = now + options.Value.Timeout,
            InputCount = inputs.Count,
            InputSizes = [.. inputs.Select(i => new ImageSize(i.Width, i.Height))],
            IdempotencyKey = key,
            RequestHash = hash,
            BatchId = batchId,
            WebhookUrl = request.WebhookUrl,
        };
        JobCreateResult created;
        try
        {
            // From the first write on, the client's going away no longer interrupts: a job is made whole or not at all.
            for (var i = 0; i < inputs.Count; i++)
            {
                await blobs.PutAsync(JobBlobs.Input(job.Id, i + 1), inputs[i].Png, "image/png", CancellationToken.None);
            }
            traces.Remember(job.Id);
            created = await store.CreateAsync(job, CancellationToken.None);
        }
        catch
        {
            traces.Forget(job.Id);
            await blobs.DeletePrefixAsync(JobBlobs.Prefix(job.Id), CancellationToken.None);
            throw;
        }
        if (!created.Created)
        {
            // A concurrent twin with the same key inserted its row between our lookup and our insert: it won.
            traces.Forget(job.Id);
            await blobs.DeletePrefixAsync(JobBlobs.Prefix(job.Id), CancellationToken.None);
            return created.Job.RequestHash == hash ? created : throw IdempotencyConflict();
        }
        metrics.JobCreated(job.Kind, engine);
        await bus.PublishChangedAsync(job.Id, CancellationToken.None);
        await bus.PublishQueuedAsync(CancellationToken.None);
        return created;
    }

    private static ToonStudioException IdempotencyConflict() =>
        new(ErrorCode.IdempotencyConflict, "This Idempotency-Key was used for another request.", "Idempotency-Key");
    private static string RequestHash(GenerationRequest request, string engine)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var p = request.Parameters;
        sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', JobJson.KindName(request.Kind), engine, p.Prompt, p.AspectRatio,
            OutputCatalogue.WireName(p.OutputFormat), p.SafetyTolerance, request.RawSeed, string.Join(',', request.GoodsTypes), p.GoodsColor)));
        foreach (var image in request.Images)
        {
            sha.AppendData(SHA256.HashData(image.Bytes));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
