using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

public static partial class JobsApi
{
    /// <summary>Results never change once written and ids are unguessable: cache for a year, validate by ETag.</summary>
    private const string ImmutableCache = "private, max-age=31536000, immutable";

    public static async Task<FileStreamHttpResult> GetJobResult(string id, HttpContext context, IJobStore store, IBlobStore blobs, CancellationToken ct)
    {
        var job = await FindAsync(store, id, ct);
        if (job.Status != JobStatus.Succeeded)
        {
            // A GET of a result that does not exist is the caller's mistake, whatever made the job fail: 409, with the job's own code as the reason.
            throw new ToonStudioException(ErrorCode.NotReady, job.ErrorCode is null ? JobJson.StatusName(job.Status) : $"{JobJson.StatusName(job.Status)}: {job.ErrorCode}", "id");
        }
        var ext = ResultExtension(job.ResultContentType ?? "image/png");
        return await ServeAsync(context, blobs, JobBlobs.Result(job.Id), $"toonstudio-{JobJson.KindName(job.Kind)}-{job.Id}.{ext}", ct);
    }

    public static async Task<FileStreamHttpResult> GetJobInput(string id, int index, HttpContext context, IJobStore store, IBlobStore blobs, CancellationToken ct)
    {
        var job = await FindAsync(store, id, ct);
        if (index < 1 || index > job.InputCount)
        {
            throw new ToonStudioException(ErrorCode.NotFound, field: "index");
        }
        return await ServeAsync(context, blobs, JobBlobs.Input(job.Id, index), $"toonstudio-{job.Id}-input-{index}.png", ct);
    }

    public static async Task<FileStreamHttpResult> GetJobArtifact(string id, string name, HttpContext context, IJobStore store, IBlobStore blobs, CancellationToken ct)
    {
        var job = await FindAsync(store, id, ct);
        var artifact = job.Artifacts.FirstOrDefault(a => a.Name == name) ?? throw new ToonStudioException(ErrorCode.NotFound, field: "name");
        return await ServeAsync(context, blobs, JobBlobs.Artifact(job.Id, artifact.Name), $"toonstudio-{job.Id}-{artifact.Name}", ct);
    }

    /// <summary>The file extension of a stored result's content type (<c>jpg</c> for JPEG), PNG's when unknown.</summary>
    private static string ResultExtension(string contentType) =>
        ImageFormat.All.FirstOrDefault(f => f.MimeType == contentType)?.Extension ?? ImageFormat.Png.Extension;

    private static async Task<FileStreamHttpResult> ServeAsync(HttpContext context, IBlobStore blobs, string key, string fileName, CancellationToken ct)
    {
        var blob = await blobs.OpenReadAsync(key, ct) ?? throw new ToonStudioException(ErrorCode.NotFound, field: "id");
        context.Response.Headers.CacheControl = ImmutableCache;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.RegisterForDisposeAsync(blob);
        return TypedResults.Stream(blob.Content, blob.Info.ContentType, fileName, entityTag: EntityTagHeaderValue.Parse(blob.Info.ETag), enableRangeProcessing: true);
    }
}
