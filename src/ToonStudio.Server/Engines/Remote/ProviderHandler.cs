namespace ToonStudio.Server.Engines.Remote;

/// <summary>
/// The primary handler of the keyed provider clients (BFL, Replicate): redirects are never followed, so a 3xx from
/// a provider host (or from whoever answers in its name) cannot carry <c>x-key</c> or <c>Authorization</c> to the
/// host its <c>Location</c> names; <see cref="ProviderErrors"/> turns it into <c>unexpected_provider_output</c>.
/// </summary>
public static class ProviderHandler
{
    public static IHttpClientBuilder UseProviderHandler(this IHttpClientBuilder builder) =>
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
}
