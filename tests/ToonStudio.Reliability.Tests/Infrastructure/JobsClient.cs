using System.Net.Http.Headers;
using System.Text.Json;

namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>The few calls of the jobs API the fault suites and the load driver make.</summary>
public sealed class JobsClient(HttpClient http)
{
    /// <summary>POST /api/v1/ppl (or /api/v1/goods); with <paramref name="preferWait"/> the answer is the finished job when it ends in time.</summary>
    public async Task<HttpResponseMessage> CreateAsync(string kind, string prompt, string? idempotencyKey = null, int? preferWait = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, kind == "goods" ? "api/v1/goods" : "api/v1/ppl") { Content = Form(kind, prompt) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (preferWait is { } wait)
        {
            request.Headers.Add("Prefer", $"wait={wait}");
        }
        return await http.SendAsync(request, ct);
    }

    /// <summary>The compatible endpoint of the earlier system: image bytes back, or a problem.</summary>
    public Task<HttpResponseMessage> GenerateGoodsCompatibleAsync(string prompt, CancellationToken ct = default) =>
        http.PostAsync("api/goods-gen/generate", Form("goods", prompt), ct);

    public async Task<JsonElement> GetJobAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"api/v1/jobs/{id}", ct);
        response.EnsureSuccessStatusCode();
        return await ReadJsonAsync(response, ct);
    }

    /// <summary>Polls each job until all are terminal and returns the last view of each; throws <see cref="TimeoutException"/> naming the jobs still open when <paramref name="patience"/> passes.</summary>
    public async Task<Dictionary<string, JsonElement>> WaitTerminalAsync(IEnumerable<string> ids, TimeSpan patience, CancellationToken ct = default)
    {
        var last = ids.ToDictionary(id => id, _ => default(JsonElement));
        var until = DateTime.UtcNow + patience;
        var pending = last.Keys.ToList();
        while (pending.Count > 0 && DateTime.UtcNow < until)
        {
            foreach (var id in pending)
            {
                last[id] = await GetJobAsync(id, ct);
            }
            pending = [.. pending.Where(id => !IsTerminal(last[id]))];
            if (pending.Count > 0)
            {
                await Task.Delay(250, ct);
            }
        }
        return pending.Count == 0
            ? last
            : throw new TimeoutException($"{pending.Count} of {last.Count} jobs not terminal after {patience.TotalSeconds:0} s: " +
                string.Join(", ", pending.Take(10).Select(id => $"{id} {Status(last[id])}")));
    }

    public static bool IsTerminal(JsonElement job) =>
        job.ValueKind == JsonValueKind.Object && Status(job) is "succeeded" or "failed" or "canceled" or "timed_out";

    public static string Status(JsonElement job) => job.GetProperty("status").GetString()!;

    public static string? ErrorCode(JsonElement job) =>
        job.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("code").GetString() : null;

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct = default)
    {
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return doc.RootElement.Clone();
    }

    private static MultipartFormDataContent Form(string kind, string prompt)
    {
        var form = new MultipartFormDataContent { { new StringContent(prompt), "prompt" }, { new StringContent("1:1"), "aspect_ratio" } };
        if (kind == "goods")
        {
            form.Add(Png(TestImages.Character), "input_image", "character.png");
            form.Add(new StringContent("mug"), "goods_type");
            form.Add(new StringContent("png"), "output_format");
        }
        else
        {
            form.Add(Png(TestImages.Character), "input_image_1", "character.png");
            form.Add(Png(TestImages.Product), "input_image_2", "product.png");
            form.Add(new StringContent("png"), "output_format");
        }
        return form;
    }

    private static ByteArrayContent Png(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }
}
