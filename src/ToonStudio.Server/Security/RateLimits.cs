using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Security;

/// <summary>The "generation" policy: one token bucket per client; a refusal is a 429 <c>rate_limited</c> problem with Retry-After.</summary>
public static class RateLimits
{
    public const string Generation = "generation";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(Generation, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            var client = context.Items[ApiKeyMiddleware.ClientItem] as string ?? $"ip:{context.Connection.RemoteIpAddress}";
            return !options.Enabled
                ? RateLimitPartition.GetNoLimiter(client)
                : RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.RequestsPerMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
        limiter.OnRejected = (rejected, ct) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            var http = rejected.HttpContext;
            return new ValueTask(Problems.Create(http, ErrorCode.RateLimited, retryAfter: wait).ExecuteAsync(http));
        };
    }
}
