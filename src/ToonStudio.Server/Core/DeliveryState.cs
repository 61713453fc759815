namespace ToonStudio.Server.Core;

/// <summary>
/// Progress of delivering a finished job to its callback URL, kept on the job row so it survives a restart and any
/// replica can read it. Written only once the job is terminal.
/// </summary>
public sealed record DeliveryState
{
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public bool GaveUp { get; init; }
    /// <summary>The receiver's last HTTP status, or null after a network failure.</summary>
    public int? LastStatus { get; init; }
    public string? LastError { get; init; }

    public bool Done => DeliveredAt is not null || GaveUp;
}
