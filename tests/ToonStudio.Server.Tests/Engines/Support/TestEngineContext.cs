using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>An <see cref="IEngineContext"/> that records what the engine reported, as the runner would persist it.</summary>
public sealed class TestEngineContext(Job job, TimeProvider? time = null) : IEngineContext
{
    private readonly List<(string Stage, double? Progress)> _reports = [];

    public Job Job { get; private set; } = job;
    public DateTimeOffset Deadline => Job.Deadline;
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
