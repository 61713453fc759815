using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ToonStudio.ScaleOut.Tests;

/// <summary>What a client does against the cluster: create PPL jobs on the Replicate fake, follow them.</summary>
public static class ScaleOutJobs
{
    /// <summary>The fake marker: a unique tag gives the job its own submission counter; polls sets its length.</summary>
    public static string Spec(string tag, int polls) => $"tag={tag} polls={polls}";

    public static async Task<string> CreatePplAsync(HttpClient http, string spec, CancellationToken ct = default, string? idempotencyKey = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"the character holding the product [fake:{spec}]"), "prompt" },
            { Image(TestImages.Character), "input_image_1", "character.png" },
            { Image(TestImages.Product), "input_image_2", "product.png" },
            { new StringContent("1:1"), "aspect_ratio" },
            { new StringContent("png"), "output_format" },
            { new StringContent("replicate"), "engine" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/ppl") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/v1/ppl answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Reads <c>/api/v1/jobs/{id}/events</c> until the terminal event: each job event with the time it arrived.</summary>
    public static async Task<List<(DateTimeOffset At, JsonElement Job)>> ReadEventsAsync(HttpClient http, string id, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/jobs/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(DateTimeOffset, JsonElement)>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((DateTimeOffset.UtcNow, JsonDocument.Parse(line[6..]).RootElement.Clone()));
            }
        }
        return events;
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }
}
