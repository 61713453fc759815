using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Security;

/// <summary>
/// When keys are configured, every <c>/api</c> request needs one: <c>Authorization: Bearer</c>, <c>X-Api-Key</c>, or the
/// browser's session cookie. The UI's pages, the probes and <c>/metrics</c> stay open; so does the session endpoint itself.
/// A wrong credential or a 401 counts against the client in <see cref="AuthThrottle"/>; a throttled client gets 429
/// on everything that needs a key, and no credential of it is even looked at.
/// The matched client ("key:N" or "ip:…") is left in <see cref="HttpContext.Items"/> for the rate limiter.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeys keys, AuthThrottle throttle)
{
    public const string SessionCookie = "toonstudio_session";
    public const string ClientItem = "toonstudio.client";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!keys.Enabled)
        {
            context.Items[ClientItem] = $"ip:{context.Connection.RemoteIpAddress}";
            return next(context);
        }
        var isSession = request.Path.StartsWithSegments(SessionApi.Path);
        var needsKey = request.Path.StartsWithSegments("/api") && !isSession && !HttpMethods.IsOptions(request.Method);
        var client = AuthThrottle.ClientOf(context);
        if (throttle.RetryAfter(client) is { } wait)
        {
            context.Items[ClientItem] = $"ip:{context.Connection.RemoteIpAddress}";
            return needsKey || (isSession && HttpMethods.IsPost(request.Method))
                ? Problems.Create(context, ErrorCode.TooManyAttempts, retryAfter: wait).ExecuteAsync(context)
                : next(context);
        }
        var (index, presented) = Authenticate(request);
        context.Items[ClientItem] = index >= 0 ? $"key:{index}" : $"ip:{context.Connection.RemoteIpAddress}";
        if (index >= 0 || (!needsKey && !presented))
        {
            return next(context);
        }
        throttle.Failed(client);
        if (!needsKey)
        {
            return next(context);
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Create(context, ErrorCode.Unauthorized).ExecuteAsync(context);
    }

    /// <summary>The matched key (or -1) and whether a credential was presented at all.</summary>
    private (int Index, bool Presented) Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (keys.Match(authorization[7..].Trim()), true);
        }
        if (request.Headers.TryGetValue("X-Api-Key", out var header))
        {
            return (keys.Match(header.ToString().Trim()), true);
        }
        if (!request.Cookies.TryGetValue(SessionCookie, out var session))
        {
            return (-1, authorization.Length > 0);
        }
        // SameSite=Strict already keeps the cookie off cross-site requests; a foreign Origin on a write is refused as well.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return (-1, true);
        }
        return (keys.MatchSession(session), true);
    }
}
