using System.Net;
using Polly;
using Polly.Timeout;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>Which failures are worth another attempt.</summary>
public static class ProviderTransience
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result is { } response)
        {
            return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        }
        var idempotent = request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        return outcome.Exception switch
        {
            // A submit that timed out may have been accepted: sending it again could pay for the image twice.
            TimeoutRejectedException => idempotent,
            // A submit that never reached the provider is safe to repeat; one cut off mid-way is not.
            HttpRequestException e => idempotent || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
            _ => false,
        };
    }
}
