using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Security;

/// <summary>Registers the API keys, the generation rate limit and the CORS policy.</summary>
public static class SecurityExtensions
{
    public const string CorsPolicy = "configured-origins";

    /// <summary>API keys, the generation rate limit and the CORS allowlist, each off or generous by default.</summary>
    public static IHostApplicationBuilder AddToonStudioSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptions.Validator>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ToonStudioCorsOptions>().BindConfiguration(ToonStudioCorsOptions.SectionName);
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<AuthThrottle>();
        services.AddRateLimiter(RateLimits.Configure);
        services.AddCors();
        services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>, ConfigureCors>();
        return builder;
    }

    /// <summary>Builds the one CORS policy from <c>ToonStudio:Cors</c>.</summary>
    private sealed class ConfigureCors(IOptions<ToonStudioCorsOptions> options) : IConfigureOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>
    {
        public void Configure(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions cors) => cors.AddPolicy(CorsPolicy, policy =>
        {
            // No origins configured: the policy admits none, so no Access-Control-Allow-* header is ever sent.
            policy.WithOrigins([.. options.Value.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/'))])
                .WithMethods("GET", "POST", "DELETE")
                .WithHeaders("Authorization", "X-Api-Key", "Content-Type", "Idempotency-Key", "Prefer", "Accept-Language", "If-None-Match")
                .WithExposedHeaders("Location", "X-Job-Id", "X-Engine", "Retry-After", "Preference-Applied", "ETag")
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        });
    }
}
