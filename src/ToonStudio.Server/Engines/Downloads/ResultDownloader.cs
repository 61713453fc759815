using Microsoft.Extensions.Options;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>A provider's result as downloaded and sniffed.</summary>
public sealed record DownloadedImage(byte[] Bytes, string ContentType);

/// <summary>
/// Fetches a provider's result at once (the links die after 10 minutes at BFL, 1 hour at Replicate): allowlisted
/// origins only, redirects followed only within the same origin, a byte cap, and the bytes sniffed as an image.
/// </summary>
public sealed class ResultDownloader(IHttpClientFactory clients, IOptionsMonitor<DownloadOptions> options, ILogger<ResultDownloader> log)
{
    public const string ClientName = "ToonStudio.Downloads";

    public async Task<DownloadedImage> DownloadAsync(string provider, string location, CancellationToken ct)
    {
        if (location.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return Sniffed(DataUri.Decode(location, options.CurrentValue.MaxBytes), provider);
        }
        if (!Uri.TryCreate(location, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"{provider} returned a result location that is not a URL.");
        }
        var allowlist = new HostAllowlist(options.CurrentValue.AllowedHosts);
        var client = clients.CreateClient(ClientName);
        for (var hop = 0; ; hop++)
        {
            Refuse(!allowlist.IsAllowed(url), "host not in ToonStudio:Downloads:AllowedHosts", url, provider);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (Exception e) when (FindRefusal(e) is { } refusal)
            {
                Refuse(true, refusal.Message, url, provider);
                throw;
            }
            using (response)
            {
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } next)
                {
                    var target = next.IsAbsoluteUri ? next : new Uri(url, next);
                    Refuse(hop >= options.CurrentValue.MaxRedirects || !SameOrigin(url, target), "redirect to another origin", target, provider);
                    url = target;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    RemoteLog.HttpFailure(log, provider, (int)response.StatusCode, "GET", url.AbsolutePath);
                    throw new ToonStudioException(ErrorCode.ProviderFailed, (int)response.StatusCode is 403 or 404 or 410
                        ? $"{provider}'s result link had expired or was refused (HTTP {(int)response.StatusCode}) before it could be downloaded."
                        : $"{provider}'s result could not be downloaded (HTTP {(int)response.StatusCode}).");
                }
                return Sniffed(await ReadCappedAsync(response, provider, ct), provider);
            }
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, string provider, CancellationToken ct)
    {
        var max = options.CurrentValue.MaxBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"{provider}'s result is larger than {max} bytes.");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"{provider}'s result is larger than {max} bytes.");
            }
        }
        return buffer.ToArray();
    }

    private static DownloadedImage Sniffed(byte[] bytes, string provider) =>
        ImageCodec.Sniff(bytes) is { IsAccepted: true } format ? new DownloadedImage(bytes, format.MimeType)
            : throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"{provider}'s result is not a PNG, JPEG or WebP image.");

    private void Refuse(bool refuse, string reason, Uri url, string provider)
    {
        if (!refuse)
        {
            return;
        }
        // Host and path only: a signed URL's query is a credential for the file.
        RemoteLog.DownloadRefused(log, reason, url.Scheme, url.Host, url.Port, url.AbsolutePath);
        throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"{provider}'s result location was refused ({reason}).");
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static DownloadRefusedException? FindRefusal(Exception? e) =>
        e switch { null => null, DownloadRefusedException r => r, _ => FindRefusal(e.InnerException) };
}
