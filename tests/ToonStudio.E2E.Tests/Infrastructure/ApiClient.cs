using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>The jobs API straight from the test, to set up or check state the browser steps rely on.</summary>
public sealed class ApiClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Creates a job and waits (Prefer: wait) until it ends; returns its JSON.</summary>
    public async Task<JsonElement> CreateAndWaitAsync(string kind, string prompt, params (string Field, string File)[] images)
    {
        using var form = new MultipartFormDataContent { { new StringContent(prompt), "prompt" } };
        foreach (var (field, file) in images)
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
            content.Headers.ContentType = new MediaTypeHeaderValue(file.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            form.Add(content, field, Path.GetFileName(file));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/{kind}") { Content = form };
        request.Headers.Add("Prefer", "wait=30");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement?> GetJobAsync(string id)
    {
        using var response = await _http.GetAsync($"/api/v1/jobs/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    public void Dispose() => _http.Dispose();
}
