using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Engines;

/// <summary>An input image after intake: metadata stripped, oriented, downscaled, PNG-encoded.</summary>
public sealed record EngineInput(byte[] Png, int Width, int Height);

public sealed record EngineArtifact(string Name, string ContentType, byte[] Content);

public sealed record EngineResult(byte[] Image, string ContentType, IReadOnlyList<EngineArtifact> Artifacts);

public sealed record EngineAvailability(string Name, bool Configured, string? MissingSetting, IReadOnlyList<JobKind> Kinds, bool Remote);

/// <summary>What an engine may tell the job while it works. Each call is persisted before it returns.</summary>
public interface IEngineContext
{
    Job Job { get; }
    DateTimeOffset Deadline { get; }
    TimeProvider Time { get; }

    ValueTask ReportAsync(string stage, double? progress, CancellationToken ct);

    /// <summary>
    /// After the engine's token is canceled: true when the job is not over but only moving (this process is
    /// shutting down, or another replica took the job over) — then the provider's task must be left running,
    /// to be resumed; false when the user canceled or the deadline passed, and the provider's task should be canceled.
    /// </summary>
    bool ProviderTaskStillWanted { get; }

    /// <summary>Stores the provider's task id (and polling URL) before the engine goes on, so a restart resumes instead of resubmitting.</summary>
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
    /// Generates the image. When <see cref="Job.ProviderTaskId"/> is set the job was accepted by the provider
    /// before a restart: resume that task, never submit again. Throws <see cref="ToonStudioException"/>
    /// with a catalog code on failure.
    /// </summary>
    Task<EngineResult> GenerateAsync(IReadOnlyList<EngineInput> inputs, IEngineContext context, CancellationToken ct);
}
