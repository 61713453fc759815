using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ToonStudio.Server.Errors;

/// <summary>The one place exceptions become responses: catalog errors as they are, storage exhaustion as 507, the rest 500.</summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private const int DiskFull = 28; // ENOSPC
    private const int SqliteFull = 13; // SQLITE_FULL

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        var result = exception switch
        {
            ToonStudioException e => Problems.From(context, e),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(context, ErrorCode.ImageTooLarge, "The request body is too large.", "body"),
            BadHttpRequestException e => Problems.Create(context, ErrorCode.InvalidParameter, e.Message, "body", new Dictionary<string, string> { ["allowed"] = "a well-formed HTTP request" }),
            _ when IsStorageFull(exception) => Problems.Create(context, ErrorCode.InsufficientStorage, retryAfter: TimeSpan.FromSeconds(60)),
            _ => null,
        };
        if (result is null)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
            result = Problems.Create(context, ErrorCode.InternalError);
        }
        else if (exception is not ToonStudioException)
        {
            LogMapped(exception.GetType().Name, context.Request.Path);
        }
        await result.ExecuteAsync(context);
        return true;
    }

    public static bool IsStorageFull(Exception exception) => exception switch
    {
        IOException io when (io.HResult & 0xFFFF) == DiskFull => true,
        SqliteException sql when sql.SqliteErrorCode == SqliteFull => true,
        _ when exception.InnerException is { } inner => IsStorageFull(inner),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ExceptionType} on {Path} mapped to a problem response")]
    private partial void LogMapped(string exceptionType, string path);
}
