using Microsoft.AspNetCore.Diagnostics;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Errors;

/// <summary>The one place exceptions become responses: catalog errors as they are, storage exhaustion as 507, the rest 500.</summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
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
            StorageFullException => Problems.Create(context, ErrorCode.InsufficientStorage, retryAfter: TimeSpan.FromSeconds(60)),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ExceptionType} on {Path} mapped to a problem response")]
    private partial void LogMapped(string exceptionType, string path);
}
