namespace ToonStudio.Server.Webhooks;

/// <summary>
/// Progress of a job's webhook, kept on the job row (so it survives a restart and any replica can read it). Written
/// only once the job is terminal, by <see cref="WebhookDispatcher"/>.
/// </summary>
public sealed record WebhookDelivery
{
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public bool GaveUp { get; init; }
    /// <summary>The receiver's last HTTP status, or null after a network failure.</summary>
    public int? LastStatus { get; init; }
    public string? LastError { get; init; }

    public bool Done => DeliveredAt is not null || GaveUp;

    /// <summary>Same for every attempt, restart and replica: receivers deduplicate on it.</summary>
    public static string MessageId(string jobId) => $"msg_{jobId}";
}
