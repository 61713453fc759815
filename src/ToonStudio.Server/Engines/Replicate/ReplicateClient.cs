using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>Typed client of the Replicate predictions API (docs/providers.md §1). The token goes in a header, per request.</summary>
public sealed class ReplicateClient(HttpClient http, IOptionsMonitor<ReplicateOptions> options, TimeProvider time, ILogger<ReplicateClient> log)
{
    private readonly ProviderCall _call = new("Replicate", ReplicateOptions.TokenVariable, http, time, ReplicateJson.Options, log);

    public Task<ReplicatePrediction> CreateAsync(string model, ReplicateCreateRequest body, int preferWaitSeconds, TimeSpan? cancelAfter, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url($"v1/models/{model}/predictions"))
        {
            Content = JsonContent.Create(body, options: ReplicateJson.Options),
        };
        if (preferWaitSeconds > 0)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"wait={Math.Min(60, preferWaitSeconds)}");
        }
        if (cancelAfter is { } after)
        {
            // Replicate's minimum is 5 s; the provider then stops (and stops billing) when our job would give up.
            var seconds = (int)Math.Ceiling(Math.Max(5, after.TotalSeconds));
            request.Headers.TryAddWithoutValidation("Cancel-After", seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }
        return SendAsync<ReplicatePrediction>(request, "submit", ct);
    }

    /// <summary>Polls <c>urls.get</c> when it points at the configured API; any other host would receive our token.</summary>
    public Task<ReplicatePrediction> GetAsync(string id, string? getUrl, CancellationToken ct)
    {
        var url = getUrl is not null && Uri.TryCreate(getUrl, UriKind.Absolute, out var u) && SameOrigin(u, options.CurrentValue.BaseUrl)
            ? u : Url($"v1/predictions/{Uri.EscapeDataString(id)}");
        return SendAsync<ReplicatePrediction>(new HttpRequestMessage(HttpMethod.Get, url), "poll", ct);
    }

    public Task<ReplicatePrediction> CancelAsync(string id, CancellationToken ct) =>
        SendAsync<ReplicatePrediction>(new HttpRequestMessage(HttpMethod.Post, Url($"v1/predictions/{Uri.EscapeDataString(id)}/cancel")), "cancel", ct);

    /// <summary>Files API (24 h lifetime): large inputs go by reference instead of a huge data URI (413s, "EOF" 400s).</summary>
    public Task<ReplicateFile> UploadAsync(byte[] png, string fileName, CancellationToken ct)
    {
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent { { file, "content", fileName }, { new StringContent("{}"), "metadata" } };
        return SendAsync<ReplicateFile>(new HttpRequestMessage(HttpMethod.Post, Url("v1/files")) { Content = form }, "upload", ct);
    }

    private Task<T> SendAsync<T>(HttpRequestMessage request, string operation, CancellationToken ct)
        where T : class
    {
        var token = options.CurrentValue.ApiToken;
        if (string.IsNullOrEmpty(token))
        {
            request.Dispose();
            throw new ToonStudioException(ErrorCode.EngineNotConfigured, ProviderCall.NotConfiguredDetail(ReplicateOptions.TokenVariable));
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _call.SendAsync<T>(request, operation, token, ct);
    }

    private Uri Url(string path) => new(options.CurrentValue.BaseUrl.ToString().TrimEnd('/') + "/" + path);

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
