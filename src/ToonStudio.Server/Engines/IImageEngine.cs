using ToonStudio.Server.Core;

namespace ToonStudio.Server.Engines;

/// <summary>An input image after intake: metadata stripped, oriented, downscaled, PNG-encoded.</summary>
public sealed record EngineInput(byte[] Png, int Width, int Height);

/// <summary>A file an engine made besides the image (print file, cut line), stored by the runner under the job.</summary>
public sealed record EngineArtifact(string Name, string ContentType, byte[] Content);

/// <summary>What an engine hands back: the image bytes with their type, and any artifacts.</summary>
public sealed record EngineResult(byte[] Image, string ContentType, IReadOnlyList<EngineArtifact> Artifacts);

/// <summary>Whether an engine can run here, and what it makes: shown by <c>GET /api/v1/engines</c> and used to pick one.</summary>
public sealed record EngineAvailability(string Name, bool Configured, string? MissingSetting, IReadOnlyList<JobKind> Kinds, bool Remote);

/// <summary>A provider task accepted before a restart: its id and (BFL) the polling URL to use verbatim.</summary>
public sealed record ResumeToken(string TaskId, string? PollingUrl);

/// <summary>
/// What an engine is asked to draw: the job's kind, its typed parameters, its inputs, the deadline, and — when the
/// provider accepted the task before a restart — the token to resume it by. Never the job row.
/// </summary>
/// <param name="JobId">For logs and the names of uploaded files only.</param>
/// <param name="Resume">Set when the provider accepted the task earlier: resume it, never submit again.</param>
public sealed record EngineRequest(
    string JobId,
    JobKind Kind,
    JobParameters Parameters,
    IReadOnlyList<EngineInput> Inputs,
    ResumeToken? Resume,
    DateTimeOffset Deadline);

/// <summary>What an engine may tell the runner while it works. Each call is persisted before it returns.</summary>
public interface IEngineReporter
{
    /// <summary>The clock the engine waits on between polls (a fake one in tests).</summary>
    TimeProvider Time { get; }

    ValueTask ReportAsync(string stage, double? progress, CancellationToken ct);

    /// <summary>
    /// After the engine's token is canceled: true when the job is not over but only moving (this process is
    /// shutting down, or another replica took the job over) — then the provider's task must be left running,
    /// to be resumed; false when the user canceled or the deadline passed, and the provider's task should be canceled.
    /// </summary>
    bool ProviderTaskStillWanted { get; }

    /// <summary>
    /// Stores the provider's task id (and polling URL) before the engine goes on, so a restart resumes instead of
    /// resubmitting. The id is written even when the token has just been canceled and through a passing store error.
    /// </summary>
    ValueTask ProviderAcceptedAsync(string taskId, string? pollingUrl, double? cost, CancellationToken ct);
}

/// <summary>One way of drawing: local, replicate, bfl.</summary>
public interface IImageEngine
{
    string Name { get; }

    /// <summary>Largest edge the intake keeps for this engine's inputs.</summary>
    int MaxInputEdge { get; }

    EngineAvailability Availability { get; }

    /// <summary>
    /// Generates the image. When <see cref="EngineRequest.Resume"/> is set the provider accepted the task before a
    /// restart: resume that task, never submit again. Throws <see cref="ToonStudioException"/> with a catalog code on failure.
    /// </summary>
    Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct);
}
