using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ToonStudio.Cli.Api;

/// <summary>The jobs API as the CLI uses it: create, wait (Prefer: wait, then polling), download.</summary>
internal sealed class ToonStudioClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public Uri Server => http.BaseAddress!;

    public static ToonStudioClient Create(ServerSettings settings)
    {
        var baseUrl = settings.Url.EndsWith('/') ? settings.Url : settings.Url + "/";
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds) };
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", settings.ApiKey.Trim());
        }

        // Error messages come in Korean or English; the server's default is Korean (the UI's).
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko" ? "ko" : "en");
        return new ToonStudioClient(http);
    }

    public async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>POSTs a multipart job and answers it once it is final (or when <paramref name="deadline"/> passes).</summary>
    public async Task<JobDto> RunJobAsync(string path, MultipartFormDataContent form, string? idempotencyKey, DateTimeOffset deadline, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        var wait = (int)Math.Clamp((deadline - DateTimeOffset.UtcNow).TotalSeconds, 1, 60);
        request.Headers.Add("Prefer", $"wait={wait}");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        JobDto job;
        using (var response = await SendAsync(request, ct))
        {
            job = await ReadJobAsync(response, ct);
        }

        while (!job.IsTerminal && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, ct);
            job = await GetJobAsync(job.Id, ct);
        }

        return job;
    }

    public async Task<JobDto> GetJobAsync(string id, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/jobs/{Uri.EscapeDataString(id)}"), ct);
        return await ReadJobAsync(response, ct);
    }

    /// <summary>The bytes and content type behind a job's resultUrl or an artifact url.</summary>
    public async Task<(byte[] Bytes, string? ContentType)> DownloadAsync(string url, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url.TrimStart('/')), ct);
        return (await response.Content.ReadAsByteArrayAsync(ct), response.Content.Headers.ContentType?.MediaType);
    }

    public static ByteArrayContent ImageContent(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerUnreachableException(Server, ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ServerUnreachableException(Server, new TimeoutException($"no answer within {http.Timeout.TotalSeconds:0} s", ex));
        }
        finally
        {
            request.Dispose();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var problem = await TryReadProblemAsync(response, ct);
            var what = problem?.Detail ?? problem?.Error ?? problem?.Title ?? response.ReasonPhrase;
            throw new ApiException((int)response.StatusCode, $"{(int)response.StatusCode} {problem?.Code ?? ""} {what}".Replace("  ", " ", StringComparison.Ordinal));
        }
    }

    private static async Task<JobDto> ReadJobAsync(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<JobDto>(Json, ct) ?? throw new ApiException((int)response.StatusCode, "empty job answer");

    private static async Task<ProblemDto?> TryReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemDto>(Json, ct);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null; // not JSON (a proxy's HTML error page): the status line says enough
        }
    }

    public void Dispose() => http.Dispose();
}
