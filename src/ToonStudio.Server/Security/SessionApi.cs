using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Security;

/// <summary>
/// The browser's way in when API keys are on: <c>/login/</c> posts a key here and gets an HttpOnly, SameSite=Strict
/// session cookie, which fetch, EventSource and &lt;img&gt; then send by themselves. Scripts use the key headers instead.
/// </summary>
public static class SessionApi
{
    public const string Path = "/api/auth/session";

    /// <summary>Whether the server asks for a key and whether this caller already holds one (the login page reads it).</summary>
    public sealed record SessionState(bool Required, bool Authenticated);

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Auth");
        group.MapGet("", GetSession).WithName(nameof(GetSession));
        group.MapPost("", CreateSession).WithName(nameof(CreateSession)).DisableAntiforgery();
        group.MapDelete("", DeleteSession).WithName(nameof(DeleteSession));
        return app;
    }

    public static Ok<SessionState> GetSession(HttpContext context, ApiKeys keys) =>
        TypedResults.Ok(new SessionState(keys.Enabled, !keys.Enabled || IsKeyClient(context)));

    /// <summary>
    /// Form fields <c>api_key</c> and <c>return</c> (a local path, see <see cref="ReturnPath"/>); answers a redirect to
    /// it, or back to the form. A wrong key counts against the client in <see cref="AuthThrottle"/> (the middleware
    /// answers 429 before this runs once the client is throttled).
    /// </summary>
    public static async Task<RedirectHttpResult> CreateSession(HttpContext context, ApiKeys keys, AuthThrottle throttle, IOptionsMonitor<AuthOptions> options, CancellationToken ct)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
        var target = ReturnPath.Local(form?["return"].ToString());
        var index = keys.Match(form?["api_key"].ToString().Trim());
        if (index < 0)
        {
            throttle.Failed(AuthThrottle.ClientOf(context));
            return TypedResults.Redirect($"/login/?failed=1&return={Uri.EscapeDataString(target)}");
        }
        context.Response.Cookies.Append(ApiKeyMiddleware.SessionCookie, keys.NewSession(index), Cookie(context, options.CurrentValue.SessionLifetime));
        return TypedResults.Redirect(target);
    }

    /// <summary>Logout: the session is revoked on the server (the token stops working, copied or not), then the cookie is deleted.</summary>
    public static NoContent DeleteSession(HttpContext context, ApiKeys keys)
    {
        if (context.Request.Cookies.TryGetValue(ApiKeyMiddleware.SessionCookie, out var token))
        {
            keys.Revoke(token);
        }
        context.Response.Cookies.Delete(ApiKeyMiddleware.SessionCookie, Cookie(context, null));
        return TypedResults.NoContent();
    }

    /// <summary>Secure whenever the browser's request was https: here, or at a TLS-terminating proxy that says so in X-Forwarded-Proto.</summary>
    internal static bool WasHttps(HttpRequest request) =>
        request.IsHttps || string.Equals(request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim(), "https", StringComparison.OrdinalIgnoreCase);

    private static CookieOptions Cookie(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = WasHttps(context.Request),
        Path = "/",
        MaxAge = lifetime,
    };

    private static bool IsKeyClient(HttpContext context) =>
        context.Items[ApiKeyMiddleware.ClientItem] is string client && client.StartsWith("key:", StringComparison.Ordinal);
}
