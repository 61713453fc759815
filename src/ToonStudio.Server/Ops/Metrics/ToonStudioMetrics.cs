using System.Diagnostics;
using System.Diagnostics.Metrics;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Ops.Metrics;

/// <summary>
/// ToonStudio's own instruments, exported at <c>/metrics</c> with the <c>toonstudio_</c> prefix. Label values
/// are bounded sets (kinds, engines, statuses, catalog codes, HTTP status codes), never ids.
/// </summary>
public sealed class ToonStudioMetrics
{
    public const string MeterName = "ToonStudio";

    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 45, 60, 90, 120, 180, 300];
    private static readonly double[] ByteBuckets = [16_384, 65_536, 262_144, 524_288, 1_048_576, 2_097_152, 3_145_728, 5_242_880, 10_485_760];

    private readonly Counter<long> _jobsCreated;
    private readonly Counter<long> _jobsCompleted;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _queueWait;
    private readonly UpDownCounter<long> _jobsInFlight;
    private readonly Counter<long> _providerRequests;
    private readonly Histogram<double> _providerRequestDuration;
    private readonly Counter<long> _providerPolls;
    private readonly Histogram<long> _uploadSize;
    private readonly Counter<long> _intakeRejections;
    private long _queueDepth;

    public ToonStudioMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _jobsCreated = meter.CreateCounter<long>("toonstudio_jobs_created", "{job}", "Jobs accepted, by kind and engine.");
        _jobsCompleted = meter.CreateCounter<long>("toonstudio_jobs_completed", "{job}", "Jobs that reached a final status, by kind, engine and status.");
        _jobDuration = meter.CreateHistogram("toonstudio_job_duration", "s", "Time from upload to final status (what the user waits), by kind, engine and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _queueWait = meter.CreateHistogram("toonstudio_job_queue_wait", "s", "Time from upload until a runner took the job, by kind and engine.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _jobsInFlight = meter.CreateUpDownCounter<long>("toonstudio_jobs_in_flight", "{job}", "Jobs running in this process now, by kind and engine.");
        _providerRequests = meter.CreateCounter<long>("toonstudio_provider_requests", "{request}", "HTTP requests to Replicate/BFL, by provider, operation and status code.");
        _providerRequestDuration = meter.CreateHistogram("toonstudio_provider_request_duration", "s", "Duration of HTTP requests to Replicate/BFL, by provider and operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _providerPolls = meter.CreateCounter<long>("toonstudio_provider_polls", "{poll}", "Status polls of provider tasks, by provider and the status the provider answered.");
        _uploadSize = meter.CreateHistogram("toonstudio_upload_size", "By", "Size of each uploaded image as received, by form field.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [.. ByteBuckets.Select(b => (long)b)] });
        _intakeRejections = meter.CreateCounter<long>("toonstudio_intake_rejections", "{request}", "Uploads refused at intake, by error code.");
        meter.CreateObservableGauge("toonstudio_queue_depth", () => Volatile.Read(ref _queueDepth), "{job}", "Jobs queued in the store (sampled).");
    }

    public void JobCreated(JobKind kind, string engine) =>
        _jobsCreated.Add(1, new TagList { { "kind", JobJson.KindName(kind) }, { "engine", engine } });

    /// <summary>A runner of this process took the job (paired with <see cref="JobRunEnded"/>).</summary>
    public void JobRunStarted(JobKind kind, string engine, TimeSpan queued)
    {
        var tags = new TagList { { "kind", JobJson.KindName(kind) }, { "engine", engine } };
        _jobsInFlight.Add(1, tags);
        _queueWait.Record(Math.Max(0, queued.TotalSeconds), tags);
    }

    public void JobRunEnded(JobKind kind, string engine) =>
        _jobsInFlight.Add(-1, new TagList { { "kind", JobJson.KindName(kind) }, { "engine", engine } });

    /// <summary>The job reached its final status; <paramref name="sinceCreated"/> is what the user waited (null: never ran).</summary>
    public void JobCompleted(JobKind kind, string engine, JobStatus status, TimeSpan? sinceCreated)
    {
        var tags = new TagList { { "kind", JobJson.KindName(kind) }, { "engine", engine }, { "status", JobJson.StatusName(status) } };
        _jobsCompleted.Add(1, tags);
        if (sinceCreated is { } duration)
        {
            _jobDuration.Record(Math.Max(0, duration.TotalSeconds), tags);
        }
    }

    public void ProviderRequest(string provider, string operation, int statusCode, TimeSpan duration)
    {
        _providerRequests.Add(1, new TagList { { "provider", provider }, { "operation", operation }, { "status_code", statusCode } });
        _providerRequestDuration.Record(duration.TotalSeconds, new TagList { { "provider", provider }, { "operation", operation } });
    }

    /// <param name="providerStatus">The task status the provider answered (e.g. <c>processing</c>, <c>Ready</c>), lower-cased.</param>
    public void ProviderPoll(string provider, string providerStatus) =>
        _providerPolls.Add(1, new TagList { { "provider", provider }, { "status", providerStatus.ToLowerInvariant() } });

    /// <param name="field">The form field (<c>input_image</c> for goods, <c>input_image_1</c>/<c>_2</c> for PPL).</param>
    public void Upload(string field, long bytes) => _uploadSize.Record(bytes, new TagList { { "field", field } });

    public void IntakeRejected(string errorCode) => _intakeRejections.Add(1, new TagList { { "code", errorCode } });

    public void SetQueueDepth(long queued) => Volatile.Write(ref _queueDepth, queued);
}
