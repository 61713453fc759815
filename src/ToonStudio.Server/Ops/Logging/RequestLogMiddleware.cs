using System.Diagnostics;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Ops.Logging;

/// <summary>
/// One "Request received" and one "Result returned" line per API request (operators count requests by them),
/// inside a <see cref="JobLogScope"/> that carries the request id and, once known, the job id and engine.
/// Runs outermost, so the returned line shows the status the client really got (after the exception handler).
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    private const string JobsPrefix = "/api/v1/jobs/";
    private static readonly AsyncLocal<JobLogScope?> CurrentScope = new();

    /// <summary>The scope of the API request this code runs in, if any (job creation fills in its job id).</summary>
    internal static JobLogScope? Current => CurrentScope.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var scope = new JobLogScope { RequestId = context.TraceIdentifier, JobId = JobIdFromPath(path.Value) };
        using var _ = logger.BeginScope(scope);
        CurrentScope.Value = scope;
        var started = Stopwatch.GetTimestamp();
        LogReceived(logger, context.Request.Method, path.Value, context.Request.ContentLength ?? 0);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            scope.JobId ??= headers["X-Job-Id"].FirstOrDefault() ?? JobIdFromPath(headers.Location.FirstOrDefault());
            scope.Engine ??= headers["X-Engine"].FirstOrDefault();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            LogReturned(logger, context.Request.Method, path.Value, context.Response.StatusCode, scope.JobId ?? "-", scope.Engine ?? "-",
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>The id in <c>/api/v1/jobs/{id}[/…]</c> (absolute URLs included); null elsewhere.</summary>
    internal static string? JobIdFromPath(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var at = path.IndexOf(JobsPrefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = path.AsSpan(at + JobsPrefix.Length);
        var end = rest.IndexOfAny('/', '?');
        var id = end < 0 ? rest : rest[..end];
        return id.IsEmpty ? null : id.ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Request received {Method} {Path} {ContentLength} bytes")]
    private static partial void LogReceived(ILogger logger, string method, string? path, long contentLength);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Result returned {Method} {Path} {StatusCode} job {JobId} engine {Engine} in {ElapsedMs:0} ms")]
    private static partial void LogReturned(ILogger logger, string method, string? path, int statusCode, string jobId, string engine, double elapsedMs);
}
