using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>Typed client of the BFL API (docs/providers.md §2). The key goes in <c>x-key</c>, per request.</summary>
public sealed class BflClient(HttpClient http, IOptionsMonitor<BflOptions> options, TimeProvider time, ILogger<BflClient> log)
{
    private readonly ProviderCall _call = new("BFL", BflOptions.KeyVariable, http, time, BflJson.Options, log);

    public Task<BflSubmitResponse> SubmitAsync(string model, BflSubmitRequest body, CancellationToken ct) =>
        SendAsync<BflSubmitResponse>(new HttpRequestMessage(HttpMethod.Post, Url($"v1/{model}"))
        {
            Content = JsonContent.Create(body, options: BflJson.Options),
        }, "submit", ct);

    /// <summary>GETs <c>polling_url</c> verbatim, but only on an allowed host: it carries our key.</summary>
    public Task<BflResult> PollAsync(string pollingUrl, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var allowed = new HostAllowlist([.. o.PollingHosts, o.BaseUrl.GetLeftPart(UriPartial.Authority)]);
        if (!Uri.TryCreate(pollingUrl, UriKind.Absolute, out var url) || !allowed.IsAllowed(url))
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "BFL returned a polling URL on a host outside ToonStudio:Bfl:PollingHosts.");
        }
        return SendAsync<BflResult>(new HttpRequestMessage(HttpMethod.Get, url), "poll", ct);
    }

    /// <summary>The URL a job stored without its polling URL (older rows) is polled at.</summary>
    public string DefaultPollingUrl(string id) => Url($"v1/get_result?id={Uri.EscapeDataString(id)}").ToString();

    private Task<T> SendAsync<T>(HttpRequestMessage request, string operation, CancellationToken ct)
        where T : class
    {
        var key = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(key))
        {
            request.Dispose();
            throw new ToonStudioException(ErrorCode.EngineNotConfigured, ProviderCall.NotConfiguredDetail(BflOptions.KeyVariable));
        }
        request.Headers.TryAddWithoutValidation("x-key", key);
        request.Headers.Accept.ParseAdd("application/json");
        return _call.SendAsync<T>(request, operation, key, ct);
    }

    private Uri Url(string path) => new(options.CurrentValue.BaseUrl.ToString().TrimEnd('/') + "/" + path);
}
