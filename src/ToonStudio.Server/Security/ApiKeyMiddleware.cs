using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Security;

/// <summary>
/// When keys are configured, every <c>/api</c> request needs one: <c>Authorization: Bearer</c>, <c>X-Api-Key</c>, or the
/// browser's session cookie. The UI's pages, the probes and <c>/metrics</c> stay open; so does the session endpoint itself.
/// The matched client ("key:N" or "ip:…") is left in <see cref="HttpContext.Items"/> for the rate limiter.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeys keys)
{
    public const string SessionCookie = "toonstudio_session";
    public const string ClientItem = "toonstudio.client";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var index = keys.Enabled ? Authenticate(request) : -1;
        context.Items[ClientItem] = index >= 0 ? $"key:{index}" : $"ip:{context.Connection.RemoteIpAddress}";
        if (!keys.Enabled || index >= 0 || !request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(SessionApi.Path)
            || HttpMethods.IsOptions(request.Method))
        {
            return next(context);
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Create(context, ErrorCode.Unauthorized).ExecuteAsync(context);
    }

    private int Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return keys.Match(authorization[7..].Trim());
        }
        if (request.Headers.TryGetValue("X-Api-Key", out var header))
        {
            return keys.Match(header.ToString().Trim());
        }
        if (!request.Cookies.TryGetValue(SessionCookie, out var session))
        {
            return -1;
        }
        // SameSite=Strict already keeps the cookie off cross-site requests; a foreign Origin on a write is refused as well.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }
        return keys.MatchSession(session);
    }
}
