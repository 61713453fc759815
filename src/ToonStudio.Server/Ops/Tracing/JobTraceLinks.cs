using System.Collections.Concurrent;
using System.Diagnostics;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops.Logging;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Ops.Tracing;

/// <summary>
/// Carries a job's upload request — its trace and its request id — to the runner that runs the job, so one trace
/// shows upload → queue → engine → provider calls → stored result, and every log line of the run names the
/// request that asked for it. In-process only: a job resumed after a restart or on another replica starts a new
/// trace (tagged with the same job id) and logs without the request id. Bounded, so jobs that never run cannot grow it.
/// </summary>
public sealed class JobTraceLinks
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (ActivityContext Parent, string? RequestId)> _origins = new(StringComparer.Ordinal);

    /// <summary>Called where the job is created, inside its upload request.</summary>
    public void Remember(string jobId)
    {
        var request = RequestLogMiddleware.Current;
        if (request is not null)
        {
            request.JobId ??= jobId;
        }

        var parent = Activity.Current is { Recorded: true } current ? current.Context : default;
        if ((request is not null || parent != default) && _origins.Count < Capacity)
        {
            _origins[jobId] = (parent, request?.RequestId);
        }
    }

    /// <summary>The job was not created after all (an Idempotency-Key matched an existing one).</summary>
    public void Forget(string jobId) => _origins.TryRemove(jobId, out _);

    /// <summary>Starts the span and the log scope of one run of the job.</summary>
    public JobRun StartRun(Job job)
    {
        var origin = _origins.TryRemove(job.Id, out var known) ? known : default;
        var activity = ToonStudioActivities.Source.StartActivity("toonstudio.job", ActivityKind.Internal, origin.Parent);
        activity?.SetTag(ToonStudioActivities.JobIdTag, job.Id);
        activity?.SetTag(ToonStudioActivities.KindTag, JobJson.KindName(job.Kind));
        activity?.SetTag(ToonStudioActivities.EngineTag, job.Engine);
        var scope = new JobLogScope { RequestId = origin.RequestId, JobId = job.Id, Engine = job.Engine, ProviderTaskId = job.ProviderTaskId };
        return new JobRun(activity, scope);
    }
}

/// <summary>One run of a job: its span (null when nobody listens) and its log scope.</summary>
public sealed class JobRun(Activity? activity, JobLogScope scope) : IDisposable
{
    public Activity? Activity { get; } = activity;

    public JobLogScope Scope { get; } = scope;

    public void Dispose() => Activity?.Dispose();
}
