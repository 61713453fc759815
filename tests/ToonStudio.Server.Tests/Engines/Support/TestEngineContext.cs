using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>
/// Plays the runner's side of the engine seam: holds the job row, builds the <see cref="EngineRequest"/> from it as
/// the runner does, and records what the engine reported, as the runner would persist it.
/// </summary>
public sealed class TestEngineContext(Job job, TimeProvider? time = null) : IEngineReporter
{
    private readonly List<(string Stage, double? Progress)> _reports = [];

    public Job Job { get; private set; } = job;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;
    public int Accepted { get; private set; }

    /// <summary>Set by a test to play "the host is shutting down" instead of "the user canceled".</summary>
    public bool ProviderTaskStillWanted { get; set; }

    public IReadOnlyList<(string Stage, double? Progress)> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>The request the runner would send for the row as it stands: a stored task id becomes the resume token.</summary>
    public EngineRequest Request(IReadOnlyList<EngineInput> inputs) => new(
        Job.Id, Job.Kind, Job.Parameters, inputs,
        Job.ProviderTaskId is { } taskId ? new ResumeToken(taskId, Job.ProviderPollingUrl) : null,
        Job.Deadline);

    public ValueTask ReportAsync(string stage, double? progress, CancellationToken ct)
    {
        lock (_reports)
        {
            _reports.Add((stage, progress));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ProviderAcceptedAsync(string taskId, string? pollingUrl, double? cost, CancellationToken ct)
    {
        Accepted++;
        Job = Job with { ProviderTaskId = taskId, ProviderPollingUrl = pollingUrl, Cost = cost, ProviderSubmissions = Job.ProviderSubmissions + 1 };
        return ValueTask.CompletedTask;
    }
}
