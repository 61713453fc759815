using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Webhooks;

/// <summary>The outcome of one attempt: delivered on any 2xx; a redirect counts as a failure and is never followed.</summary>
public sealed record WebhookAttempt(bool Delivered, int? Status, string? Error);

/// <summary>One signed POST. Retries are not made here but by the dispatcher, from state on the job row, so they survive restarts.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "ToonStudio.Webhooks";

    public async Task<WebhookAttempt> SendAsync(string url, string messageId, byte[] body, CancellationToken ct)
    {
        var current = options.CurrentValue;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(current.Key(), messageId, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(current.AttemptTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(response.IsSuccessStatusCode, status, response.IsSuccessStatusCode ? null : $"HTTP {status}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The message only: a receiver URL may carry a token in its query, and exception texts can include it.
            return new WebhookAttempt(false, null, e is OperationCanceledException ? "timed out" : e.GetType().Name);
        }
    }
}
