namespace ToonStudio.Server.Engines.Remote;

/// <summary>Log lines of the remote engines. None carries a key, a request body or a signed URL's query.</summary>
internal static partial class RemoteLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Provider} {Method} failed (status {Status}, {Exception}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, string method, int status, string? exception, TimeSpan delay, int attempt);

    [LoggerMessage(2, LogLevel.Information, "{Provider} accepted job {JobId} as task {TaskId}")]
    public static partial void Accepted(ILogger logger, string provider, string jobId, string taskId);

    [LoggerMessage(3, LogLevel.Information, "{Provider} resumes job {JobId} at task {TaskId} without submitting again")]
    public static partial void Resuming(ILogger logger, string provider, string jobId, string taskId);

    [LoggerMessage(4, LogLevel.Debug, "{Provider} task {TaskId}: {Status} (poll {Poll})")]
    public static partial void Polled(ILogger logger, string provider, string taskId, string status, int poll);

    [LoggerMessage(5, LogLevel.Warning, "{Provider} task {TaskId} ended {Status}: {Code}")]
    public static partial void Failed(ILogger logger, string provider, string taskId, string status, string code);

    [LoggerMessage(6, LogLevel.Warning, "{Provider} task {TaskId} returned an output of shape {Shape}, which cannot be used")]
    public static partial void UnexpectedOutput(ILogger logger, string provider, string taskId, string shape);

    [LoggerMessage(7, LogLevel.Warning, "{Provider} answered HTTP {Status} to {Method} {Path}")]
    public static partial void HttpFailure(ILogger logger, string provider, int status, string method, string path);

    [LoggerMessage(8, LogLevel.Information, "{Provider} task {TaskId}: cancel sent ({Outcome})")]
    public static partial void CancelSent(ILogger logger, string provider, string taskId, string outcome);

    [LoggerMessage(9, LogLevel.Warning, "Download refused: {Reason} ({Scheme}://{Host}:{Port}{Path})")]
    public static partial void DownloadRefused(ILogger logger, string reason, string scheme, string host, int port, string path);

    [LoggerMessage(10, LogLevel.Debug, "{Provider} concurrency slot for {Model} acquired after {Waited}")]
    public static partial void SlotAcquired(ILogger logger, string provider, string model, TimeSpan waited);
}
