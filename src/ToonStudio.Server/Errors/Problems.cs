using System.Globalization;
using ToonStudio.Server.Core;
using ToonStudio.Server.Localization;

namespace ToonStudio.Server.Errors;

/// <summary>
/// RFC 9457 problem details for every error, plus the earlier system's <c>error</c> field, in the caller's language.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult From(HttpContext context, ToonStudioException e, string? jobId = null) =>
        Create(context, e.Code, e.Detail, e.Field, e.Args, e.RetryAfter, jobId);

    public static IResult Create(HttpContext context, string code, string? reason = null, string? field = null,
        IReadOnlyDictionary<string, string>? args = null, TimeSpan? retryAfter = null, string? jobId = null)
    {
        var status = ErrorCode.StatusOf(code);
        var values = new Dictionary<string, string>(args ?? new Dictionary<string, string>());
        if (field is not null)
        {
            values.TryAdd("field", field);
        }
        var limits = context.RequestServices.GetService<MessageLimits>() ?? MessageLimits.Default;
        values.TryAdd("minutes", Math.Round(limits.Timeout.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture));
        values.TryAdd("limit", (limits.MaxUploadBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
        var (title, message) = ErrorMessages.For(code, Language.Of(context.Request), values);
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var body = new ProblemBody(message, code, $"urn:toonstudio:error:{code}", title, status, message, field, reason,
            context.Request.Path, context.TraceIdentifier, jobId);
        return Results.Json(body, ProblemBody.JsonOptions, ContentType, status);
    }
}

/// <summary>The error body. <c>error</c> is the earlier system's field; the rest is RFC 9457 with extensions.</summary>
public sealed record ProblemBody(
    string Error,
    string Code,
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Field,
    string? Reason,
    string Instance,
    string RequestId,
    string? JobId)
{
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
