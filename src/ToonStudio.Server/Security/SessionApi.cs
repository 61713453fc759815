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

    /// <summary>Form fields <c>api_key</c> and <c>return</c> (a local path); answers 303 to it, or back to the form.</summary>
    public static async Task<RedirectHttpResult> CreateSession(HttpContext context, ApiKeys keys, IOptionsMonitor<AuthOptions> options, CancellationToken ct)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
        var target = LocalPath(form?["return"].ToString());
        var index = keys.Match(form?["api_key"].ToString().Trim());
        if (index < 0)
        {
            return TypedResults.Redirect($"/login/?failed=1&return={Uri.EscapeDataString(target)}");
        }
        context.Response.Cookies.Append(ApiKeyMiddleware.SessionCookie, keys.NewSession(index), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = options.CurrentValue.SessionLifetime,
        });
        return TypedResults.Redirect(target);
    }

    public static NoContent DeleteSession(HttpContext context)
    {
        context.Response.Cookies.Delete(ApiKeyMiddleware.SessionCookie, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
        return TypedResults.NoContent();
    }

    private static bool IsKeyClient(HttpContext context) =>
        context.Items[ApiKeyMiddleware.ClientItem] is string client && client.StartsWith("key:", StringComparison.Ordinal);

    /// <summary>Only a path on this site: an open redirect to another host would make the form a phishing helper.</summary>
    private static string LocalPath(string? value) =>
        !string.IsNullOrEmpty(value) && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\')
            ? value : "/";
}
