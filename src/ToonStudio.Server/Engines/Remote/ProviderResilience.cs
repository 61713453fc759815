using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>
/// The resilience pipeline of a provider client: retry (429/5xx/transport, jittered exponential backoff, the
/// provider's Retry-After honoured) → circuit breaker → attempt timeout. 400/401/402/403/404/422 are never
/// retried: they cannot succeed on a second try, and a 402 retried is a bill nobody can pay.
/// </summary>
public static class ProviderResilience
{
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder builder, string provider, Func<IServiceProvider, ProviderResilienceOptions> select)
    {
        builder.AddResilienceHandler(provider, (pipeline, context) =>
        {
            var options = select(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ToonStudio.Server.Engines.Remote.ProviderResilience");
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, options, time),
                    DelayGenerator = async args => args.Outcome.Result is { } response
                        ? await RetryAfter.FromAsync(response, time, args.Context.CancellationToken) : null,
                    OnRetry = args =>
                    {
                        RemoteLog.Retrying(log, provider, args.Context.GetRequestMessage()?.Method.Method ?? "?",
                            args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.Outcome.Exception?.GetType().Name, args.RetryDelay, args.AttemptNumber + 1);
                        return ValueTask.CompletedTask;
                    },
                });
            }
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r ? (int)r.StatusCode >= 500 : args.Outcome.Exception is HttpRequestException or TimeoutRejectedException),
            });
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(AttemptTimeout(args.Context.GetRequestMessage(), options)),
            });
        });
        return builder;
    }

    /// <summary>A create holding the connection for <c>Prefer: wait=N</c> may take N seconds before it answers.</summary>
    internal static TimeSpan AttemptTimeout(HttpRequestMessage? request, ProviderResilienceOptions options)
    {
        var prefer = request?.Headers.TryGetValues("Prefer", out var values) == true ? values.FirstOrDefault() : null;
        return prefer is not null && prefer.StartsWith("wait=", StringComparison.Ordinal) && int.TryParse(prefer.AsSpan(5), out var seconds)
            ? options.AttemptTimeout + TimeSpan.FromSeconds(seconds)
            : options.AttemptTimeout;
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ProviderResilienceOptions options, TimeProvider time)
    {
        if (!ProviderTransience.IsTransient(outcome, context.GetRequestMessage()))
        {
            return false;
        }
        // A provider asking for more patience than we allow: stop now and pass its Retry-After to the caller.
        return outcome.Result is not { } response
            || await RetryAfter.FromAsync(response, time, context.CancellationToken) is not { } wait
            || wait <= options.MaxRetryAfter;
    }
}
