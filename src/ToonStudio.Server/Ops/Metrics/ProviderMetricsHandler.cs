using System.Diagnostics;

namespace ToonStudio.Server.Ops.Metrics;

/// <summary>
/// Counts every HTTP attempt to a provider (<c>toonstudio_provider_requests_total</c>). Add it inside the
/// resilience handler (after <c>AddStandardResilienceHandler</c>) so each retry is counted with its own status.
/// A request names its operation with <see cref="Operation"/>; otherwise POST counts as <c>submit</c> and
/// GET as <c>get</c>. A request that got no answer counts with status code 0.
/// </summary>
public sealed class ProviderMetricsHandler(string provider, ToonStudioMetrics metrics) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("toonstudio.operation");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(Operation, out var named) ? named
            : request.Method == HttpMethod.Post ? "submit" : request.Method.Method.ToLowerInvariant();
        var started = Stopwatch.GetTimestamp();
        var statusCode = 0;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            statusCode = (int)response.StatusCode;
            return response;
        }
        finally
        {
            metrics.ProviderRequest(provider, operation, statusCode, Stopwatch.GetElapsedTime(started));
        }
    }
}

/// <summary>Tags a provider request with its operation for <see cref="ProviderMetricsHandler"/>.</summary>
public static class ProviderOperationExtensions
{
    /// <summary>Names the operation of a provider request for the metrics (<c>submit</c>, <c>poll</c>, <c>download</c>).</summary>
    public static HttpRequestMessage WithProviderOperation(this HttpRequestMessage request, string operation)
    {
        request.Options.Set(ProviderMetricsHandler.Operation, operation);
        return request;
    }
}
