using System.Net.Http.Json;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>One provider request: send through the resilience pipeline, map failures to the catalog, parse JSON.</summary>
public sealed record ProviderCall(string Provider, string KeyVariable, HttpClient Http, TimeProvider Time, JsonSerializerOptions Json, ILogger Log)
{
    public async Task<T> SendAsync<T>(HttpRequestMessage request, string operation, string secret, CancellationToken ct)
        where T : class
    {
        using var _ = request;
        request.WithProviderOperation(operation);
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request, ct);
        }
        catch (BrokenCircuitException e)
        {
            throw new ToonStudioException(ErrorCode.ProviderFailed, $"{Provider} failed repeatedly; requests are paused for a moment.", inner: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ToonStudioException(ErrorCode.ProviderFailed, $"{Provider} did not answer in time.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new ToonStudioException(ErrorCode.ProviderFailed, $"{Provider} could not be reached.", inner: e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                RemoteLog.HttpFailure(Log, Provider, (int)response.StatusCode, request.Method.Method, request.RequestUri?.AbsolutePath ?? "");
                throw await ProviderErrors.FromResponseAsync(Provider, KeyVariable, response, secret, Time, ct);
            }
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw Malformed(null);
            }
            catch (JsonException e)
            {
                throw Malformed(e);
            }
        }
    }

    public ToonStudioException Malformed(Exception? inner) =>
        new(ErrorCode.UnexpectedProviderOutput, $"{Provider} answered with JSON the server cannot read.", inner: inner);

    public static string NotConfiguredDetail(string variable) => $"{variable} is not set";
}
