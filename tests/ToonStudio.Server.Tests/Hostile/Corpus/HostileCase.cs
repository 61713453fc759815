namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>
/// One hostile request and the answers it may get. <see cref="Allowed"/> holds "2xx", a bare status ("431", answered by
/// Kestrel itself before the app) or "status code" ("413 image_too_large"); anything else — above all a 5xx — fails.
/// </summary>
public sealed record HostileCase(string Name, string Category, Func<HttpRequestMessage> Request, IReadOnlyList<string> Allowed)
{
    /// <summary>An extra check of an accepted answer (e.g. what was stored); returns why it failed, or null.</summary>
    public Func<HttpClient, HttpResponseMessage, Task<string?>>? Verify { get; init; }

    public const string Accepted = "2xx";
    public const string Invalid = "400 invalid_image";
    public const string BadField = "400 invalid_parameter";
    public const string TooLarge = "413 image_too_large";
    public const string Unsupported = "415 unsupported_image";

    /// <summary>
    /// Real sockets only: the server answered and closed while a chunked upload was still being sent, and the client
    /// saw the reset instead of the answer (the driver tallies it so; in-process there is no socket to reset).
    /// </summary>
    public const string ResetWhileSending = "reset while sending";

    /// <summary>Any clean answer to a damaged image: accepted after all, or refused with an image code.</summary>
    public static readonly IReadOnlyList<string> AnyImageOutcome = [Accepted, Invalid, TooLarge, Unsupported];

    /// <summary>"202", "400 invalid_image", "500 internal_error" …: how an answer is tallied.</summary>
    public static string Outcome(int status, string? code) => code is null ? $"{status}" : $"{status} {code}";

    public bool Allows(int status, string? code) => Allowed.Any(a =>
        a == Accepted ? status is >= 200 and < 300
        : a.Contains(' ', StringComparison.Ordinal) ? a == Outcome(status, code)
        : a == status.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
