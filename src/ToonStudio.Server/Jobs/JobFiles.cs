using ToonStudio.Imaging.Codecs;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Engines.Local;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>A job's files in the blob store: loads its inputs for the engine, stores its result and artifacts.</summary>
public sealed class JobFiles(IBlobStore blobs)
{
    public async Task<IReadOnlyList<EngineInput>> LoadInputsAsync(Job job, CancellationToken ct)
    {
        var inputs = new List<EngineInput>(job.InputCount);
        for (var i = 1; i <= job.InputCount; i++)
        {
            var png = await blobs.ReadAllAsync(JobBlobs.Input(job.Id, i), ct)
                ?? throw new ToonStudioException(ErrorCode.InternalError, $"Input {i} of the job is missing from storage.");
            // Intake's sizes travel on the job; only a job stored before they were kept reads them from the PNG's header.
            var size = job.InputSizes.Count == job.InputCount ? job.InputSizes[i - 1] : HeaderSize(png);
            inputs.Add(new EngineInput(png, size.Width, size.Height));
        }
        return inputs;
    }

    /// <summary>Stores the result in the format the user asked for (a provider may answer PNG for a WebP request), and the artifacts.</summary>
    public async Task<Job> StoreAsync(Job job, EngineResult result, CancellationToken ct)
    {
        var wanted = job.Parameters.OutputFormat;
        var bytes = result.Image;
        var contentType = result.ContentType;
        try
        {
            if (contentType != ImageFormat.Of(wanted).MimeType)
            {
                var transcoded = ImageCodec.Transcode(bytes, wanted);
                (bytes, contentType) = (transcoded.Bytes, transcoded.ContentType);
            }
            else if (job.Engine != LocalEngine.EngineName)
            {
                // A provider's bytes are checked to the last pixel: a truncated download is not a success.
                ImageCodec.Validate(bytes);
            }
        }
        catch (ImageDecodeException e)
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"The provider's image cannot be decoded: {e.Message}");
        }
        var info = await blobs.PutAsync(JobBlobs.Result(job.Id), bytes, contentType, ct);
        var artifacts = new List<JobArtifact>(result.Artifacts.Count);
        foreach (var artifact in result.Artifacts)
        {
            await blobs.PutAsync(JobBlobs.Artifact(job.Id, artifact.Name), artifact.Content, artifact.ContentType, ct);
            artifacts.Add(new JobArtifact(artifact.Name, artifact.ContentType, artifact.Content.Length));
        }
        return job with { ResultContentType = contentType, ResultLength = info.Length, ResultEtag = info.ETag, Artifacts = artifacts };
    }

    /// <summary>Width and height from the stored input's header (intake wrote it, so it is well formed).</summary>
    private static ImageSize HeaderSize(byte[] png) => ImageCodec.ReadHeader(png) is { } header ? new(header.Width, header.Height) : new(0, 0);
}
