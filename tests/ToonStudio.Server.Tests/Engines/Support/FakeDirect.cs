using System.Net.Http.Json;
using System.Text.Json;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>Submits straight to the fakes, as a server that crashed right after the provider accepted would have.</summary>
public static class FakeDirect
{
    public static async Task<string> SubmitReplicateAsync(FakesFixture fakes, string marker)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, FakesFixture.Origin(fakes.Urls.ReplicateApi) + "/v1/models/flux-kontext-apps/multi-image-kontext-max/predictions")
        {
            Content = JsonContent.Create(new { input = new { prompt = marker, input_image_1 = "https://example.com/a.png", input_image_2 = "https://example.com/b.png" } }),
        };
        request.Headers.Authorization = new("Bearer", FakesFixture.ReplicateToken);
        using var doc = await SendAsync(http, request);
        return doc.RootElement.GetProperty("id").GetString() ?? "";
    }

    public static async Task<(string Id, string PollingUrl)> SubmitBflAsync(FakesFixture fakes, string marker)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, FakesFixture.Origin(fakes.Urls.BflApi) + "/v1/flux-kontext-max")
        {
            Content = JsonContent.Create(new { prompt = marker, output_format = "png" }),
        };
        request.Headers.Add("x-key", FakesFixture.BflKey);
        using var doc = await SendAsync(http, request);
        return (doc.RootElement.GetProperty("id").GetString() ?? "", doc.RootElement.GetProperty("polling_url").GetString() ?? "");
    }

    private static async Task<JsonDocument> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
