namespace ToonStudio.Server.Errors;

/// <summary>The limits error messages quote ("within {minutes} minutes", "up to {limit} MB"), given by the create path's options.</summary>
public sealed record MessageLimits(TimeSpan Timeout, long MaxUploadBytes)
{
    /// <summary>The create path's defaults, for a host that registers no limits.</summary>
    public static MessageLimits Default { get; } = new(TimeSpan.FromMinutes(2), 5 * 1024 * 1024);
}
