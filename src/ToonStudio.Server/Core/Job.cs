using System.Text.Json.Serialization;
using ToonStudio.Imaging;

namespace ToonStudio.Server.Core;

/// <summary>What a job makes: a product placement (PPL) image or a goods mockup.</summary>
public enum JobKind { Ppl, Goods }

/// <summary>Where a job is in its life; the last four are terminal.</summary>
public enum JobStatus { Queued, Running, Succeeded, Failed, Canceled, TimedOut }

/// <summary>What the user asked for; immutable once the job exists.</summary>
/// <param name="OutputFormat">Parsed once at the edge; stored and shown as its wire name (<c>png</c>, <c>jpeg</c>, <c>webp</c>).</param>
public sealed record JobParameters(
    string Prompt,
    string AspectRatio,
    [property: JsonConverter(typeof(OutputFormatJsonConverter))] OutputFormat OutputFormat,
    int SafetyTolerance,
    long Seed,
    string? GoodsType,
    string? GoodsColor = null);

/// <summary>An input's width and height in pixels after intake, kept on the job so nobody decodes the input to learn them.</summary>
public sealed record ImageSize(int Width, int Height);

/// <summary>A file a job produced besides its main result (print file, cut line).</summary>
public sealed record JobArtifact(string Name, string ContentType, long Length);

/// <summary>
/// One generation. Rows live in the job store; images live in the blob store under
/// <c>jobs/{Id}/…</c> .
/// </summary>
public sealed record Job
{
    public required string Id { get; init; }
    public required JobKind Kind { get; init; }
    public required string Engine { get; init; }
    public required JobParameters Parameters { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public int InputCount { get; init; }
    /// <summary>The stored inputs' sizes, in order, as intake made them (empty on jobs created before they were kept).</summary>
    public IReadOnlyList<ImageSize> InputSizes { get; init; } = [];
    public string? IdempotencyKey { get; init; }
    /// <summary>Hash of the request's fields and inputs: an Idempotency-Key reused for another request is refused.</summary>
    public string? RequestHash { get; init; }
    public string? BatchId { get; init; }
    /// <summary>Where the finished job is POSTed, signed (optional; checked against ToonStudio:Webhooks:AllowedHosts).</summary>
    public string? WebhookUrl { get; init; }
    /// <summary>Progress of that delivery, written by the webhook dispatcher once the job is terminal.</summary>
    public DeliveryState? Webhook { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Queued;
    public string? Stage { get; init; }
    public double Progress { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public bool CancelRequested { get; init; }

    /// <summary>The provider's task id, stored the moment the provider accepts the task.</summary>
    public string? ProviderTaskId { get; init; }
    /// <summary>BFL's regional polling URL, used verbatim after a restart.</summary>
    public string? ProviderPollingUrl { get; init; }
    public int ProviderSubmissions { get; init; }
    public double? Cost { get; init; }

    public string? ErrorCode { get; init; }
    public string? ErrorDetail { get; init; }
    /// <summary>How long the provider asked us to wait (429), passed on to the client as Retry-After.</summary>
    public double? RetryAfterSeconds { get; init; }

    public string? ResultContentType { get; init; }
    public long? ResultLength { get; init; }
    public string? ResultEtag { get; init; }
    public IReadOnlyList<JobArtifact> Artifacts { get; init; } = [];

    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }

    public bool IsTerminal => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Canceled or JobStatus.TimedOut;
}
