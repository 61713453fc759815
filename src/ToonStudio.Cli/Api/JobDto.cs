using System.Text.Json.Serialization;

namespace ToonStudio.Cli.Api;

/// <summary>The job JSON of <c>/api/v1/jobs/{id}</c> (only what the CLI reads).</summary>
internal sealed record JobDto(
    string Id,
    string Kind,
    string Engine,
    string Status,
    string? Stage,
    double Progress,
    JobErrorDto? Error,
    string? ResultUrl,
    IReadOnlyList<JobArtifactDto>? Artifacts)
{
    [JsonIgnore]
    public bool IsTerminal => Status is "succeeded" or "failed" or "canceled" or "timed_out";

    [JsonIgnore]
    public string Outcome => Error is null ? Status : $"{Status}: {Error.Code} — {Error.Message}";
}

/// <summary>A failed job's error as the server reports it.</summary>
internal sealed record JobErrorDto(string Code, string? Message);

/// <summary>A file a job produced besides its result, with its download URL.</summary>
internal sealed record JobArtifactDto(string Name, string Url);

/// <summary>An error answer (RFC 9457 problem details, plus the legacy <c>error</c> field).</summary>
internal sealed record ProblemDto(string? Title, string? Detail, string? Code, string? Error);
