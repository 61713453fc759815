using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Localization;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>The parameters a job was created with, as the API shows them.</summary>
public sealed record JobParametersResponse(string Prompt, string AspectRatio, string OutputFormat, int SafetyTolerance, long Seed, string? GoodsType, string? GoodsColor);

/// <summary>Why a job failed: the catalog code and its message in the request's language.</summary>
public sealed record JobErrorResponse(string Code, string Message);

/// <summary>One extra file of a finished job (e.g. the print file) and where to download it.</summary>
public sealed record JobArtifactResponse(string Name, string ContentType, long Length, string Url);

/// <summary>A job as the API shows it (UI, CLI, scripts).</summary>
public sealed record JobResponse(
    string Id,
    string Kind,
    string Engine,
    string Status,
    string? Stage,
    double Progress,
    double? EtaSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset Deadline,
    JobParametersResponse Parameters,
    JobErrorResponse? Error,
    string? ResultUrl,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<JobArtifactResponse> Artifacts,
    string? BatchId,
    double? Cost,
    string? ProviderTaskId)
{
    public static JobResponse From(Job job, double? etaSeconds, string language)
    {
        var p = job.Parameters;
        var baseUrl = $"/api/v1/jobs/{job.Id}";
        JobErrorResponse? error = job.ErrorCode is { } code
            ? new JobErrorResponse(code, ErrorMessages.For(code, language, ErrorArgs(job)).Message)
            : null;
        return new JobResponse(
            job.Id, JobJson.KindName(job.Kind), job.Engine, JobJson.StatusName(job.Status), job.Stage, job.Progress,
            job.IsTerminal ? null : etaSeconds, job.CreatedAt, job.StartedAt, job.CompletedAt, job.Deadline,
            new JobParametersResponse(p.Prompt, p.AspectRatio, OutputCatalogue.WireName(p.OutputFormat), p.SafetyTolerance, p.Seed, p.GoodsType, p.GoodsColor),
            error,
            job.Status == JobStatus.Succeeded ? $"{baseUrl}/result" : null,
            [.. Enumerable.Range(1, job.InputCount).Select(i => $"{baseUrl}/inputs/{i}")],
            [.. job.Artifacts.Select(a => new JobArtifactResponse(a.Name, a.ContentType, a.Length, $"{baseUrl}/artifacts/{a.Name}"))],
            job.BatchId, job.Cost, job.ProviderTaskId);
    }

    private static Dictionary<string, string> ErrorArgs(Job job)
    {
        var minutes = Math.Round((job.Deadline - job.CreatedAt).TotalMinutes, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new() { ["minutes"] = minutes, ["engine"] = job.Engine, ["why"] = job.ErrorDetail ?? "", ["field"] = "-" };
    }
}
