using System.Collections.Concurrent;
using System.Diagnostics;

namespace ToonStudio.Server.Ops.Tracing;

/// <summary>
/// Carries a job's upload trace from the request that created it to the runner that runs it, so one trace shows
/// upload → queue → engine → provider calls → stored result. In-process only: a job resumed after a restart or on
/// another replica starts a new trace (tagged with the same job id). Bounded, so jobs that never run cannot grow it.
/// </summary>
public sealed class JobTraceLinks
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, ActivityContext> _parents = new(StringComparer.Ordinal);

    /// <summary>Remembers the current trace (if one is recorded) as the parent of the job's run.</summary>
    public void Remember(string jobId)
    {
        if (Activity.Current is { Recorded: true } current && _parents.Count < Capacity)
        {
            _parents[jobId] = current.Context;
        }
    }

    /// <summary>The job was not created after all (an Idempotency-Key matched an existing one).</summary>
    public void Forget(string jobId) => _parents.TryRemove(jobId, out _);

    /// <summary>Starts the span of one run of the job, under its upload's trace when this process still knows it.</summary>
    public Activity? StartRun(string jobId, string kind, string engine)
    {
        var parent = _parents.TryRemove(jobId, out var context) ? context : default;
        var activity = ToonStudioActivities.Source.StartActivity("toonstudio.job", ActivityKind.Internal, parent);
        activity?.SetTag(ToonStudioActivities.JobIdTag, jobId);
        activity?.SetTag(ToonStudioActivities.KindTag, kind);
        activity?.SetTag(ToonStudioActivities.EngineTag, engine);
        return activity;
    }
}
