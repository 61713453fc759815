using ToonStudio.Server.Core;
namespace ToonStudio.Server.Storage;

/// <summary>The filters and page of a history listing.</summary>
public sealed record JobQuery(JobKind? Kind, JobStatus? Status, int Limit, string? Before, string? BatchId = null);

/// <summary>The job a create left in the store, and whether this call made it (false: its idempotency key already had one).</summary>
public sealed record JobCreateResult(Job Job, bool Created);

/// <summary>
/// Durable job rows. Implementations: SQLite (embedded default), PostgreSQL (scale-out).
/// Every write is atomic; claims are exclusive across processes.
/// </summary>
public interface IJobStore
{
    /// <summary>True when one process owns the store (SQLite): leases left by a dead process may be released at start.</summary>
    bool IsExclusive { get; }

    Task InitializeAsync(CancellationToken ct);

    /// <summary>Inserts the job; when its idempotency key exists already, returns that job with Created = false.</summary>
    Task<JobCreateResult> CreateAsync(Job job, CancellationToken ct);

    Task<Job?> GetAsync(string id, CancellationToken ct);

    /// <summary>The job created with this idempotency key, if any.</summary>
    Task<Job?> FindByIdempotencyKeyAsync(string key, CancellationToken ct);

    /// <summary>
    /// Claims the oldest job that is queued, or running with an expired lease, for one of <paramref name="engines"/>;
    /// marks it running and leased to <paramref name="owner"/> until now + lease.
    /// </summary>
    Task<Job?> TryClaimAsync(string owner, IReadOnlyCollection<string> engines, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>Extends the lease; false when another owner took the job (then the caller must stop working on it).</summary>
    Task<bool> RenewLeaseAsync(string id, string owner, DateTimeOffset until, CancellationToken ct);

    /// <summary>
    /// Releases every lease at start when the store is exclusive, so a crash's running jobs resume at once.
    /// A shared store (PostgreSQL) does nothing and returns 0: other replicas hold live leases.
    /// </summary>
    Task<int> ReleaseAllLeasesAsync(CancellationToken ct);

    /// <summary>
    /// Writes the mutable fields (status, stage, progress, provider ids, error, result, artifacts); never the
    /// cancel flag or the lease, which have their own calls. When <see cref="Job.LeaseOwner"/> is set the write
    /// only happens while that owner still holds the job: false means the lease was lost and the caller must stop.
    /// A terminal status clears the lease.
    /// </summary>
    Task<bool> UpdateAsync(Job job, CancellationToken ct);

    /// <summary>
    /// Sets CancelRequested; a queued job becomes canceled at once (ErrorCode canceled, CompletedAt = now). A terminal
    /// job is returned unchanged (no flag). Returns the job after the change, null when unknown.
    /// </summary>
    Task<Job?> RequestCancelAsync(string id, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Newest first; <see cref="JobQuery.Before"/> is an opaque cursor from a previous page (<see cref="JobJson.Cursor"/>).
    /// The limit is clamped to 1–200; a malformed cursor is ignored (the list starts from the newest).
    /// </summary>
    Task<IReadOnlyList<Job>> ListAsync(JobQuery query, CancellationToken ct);

    Task<bool> DeleteAsync(string id, CancellationToken ct);

    /// <summary>Durations (completed − started) of the latest successful jobs of a kind and engine, for ETAs.</summary>
    Task<IReadOnlyList<TimeSpan>> RecentDurationsAsync(JobKind kind, string engine, int count, CancellationToken ct);

    /// <summary>
    /// Ids of terminal jobs completed before <paramref name="cutoff"/>, oldest first (retention). A shared store answers
    /// only on the one replica holding its retention lock and returns an empty list elsewhere, so one replica at a
    /// time sweeps.
    /// </summary>
    Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken ct);

    Task<int> CountAsync(JobStatus status, CancellationToken ct);

    Task<bool> PingAsync(CancellationToken ct);
}
