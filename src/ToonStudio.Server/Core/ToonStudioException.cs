namespace ToonStudio.Server.Core;

/// <summary>
/// A failure with a catalog code. <see cref="Detail"/> is safe to show a user (never a key, never a URL with
/// a signature); <see cref="Field"/> names the request field at fault; <see cref="Args"/> fill the message.
/// </summary>
public sealed class ToonStudioException : Exception
{
    public ToonStudioException(string code, string? detail = null, string? field = null, IReadOnlyDictionary<string, string>? args = null, Exception? inner = null)
        : base(detail ?? code, inner)
    {
        Code = code;
        Detail = detail;
        Field = field;
        Args = args ?? new Dictionary<string, string>();
    }

    public string Code { get; }
    public string? Detail { get; }
    public string? Field { get; }
    public IReadOnlyDictionary<string, string> Args { get; }

    /// <summary>Seconds the client should wait (429/503), passed on as Retry-After.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public int Status => ErrorCode.StatusOf(Code);

    /// <summary>
    /// 400 <c>invalid_parameter</c> naming <paramref name="field"/>. <paramref name="allowed"/> is a list of values or
    /// English prose; prose also needs <paramref name="allowedKorean"/>, used by the Korean (default) message.
    /// </summary>
    public static ToonStudioException Invalid(string field, string allowed, string? allowedKorean = null)
    {
        var args = new Dictionary<string, string> { ["field"] = field, ["allowed"] = allowed };
        if (allowedKorean is not null)
        {
            args["allowed.ko"] = allowedKorean;
        }
        return new(ErrorCode.InvalidParameter, $"{field}: {allowed}", field, args);
    }
}
