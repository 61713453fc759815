using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Tests.Support;

public static class HttpExtensions
{
    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?.AsObject() ?? throw new JsonException("Empty body");

    public static async Task<JsonObject> GetJobAsync(this HttpClient client, string id) =>
        await (await client.GetAsync($"/api/v1/jobs/{id}")).JsonAsync();

    /// <summary>Polls the job until it is terminal; bounded by <paramref name="attempts"/> × 50 ms of real time.</summary>
    public static async Task<JsonObject> WaitForJobAsync(this HttpClient client, string id, Func<JsonObject, bool>? until = null, int attempts = 400)
    {
        until ??= j => j["status"]?.GetValue<string>() is "succeeded" or "failed" or "canceled" or "timed_out";
        JsonObject job = await client.GetJobAsync(id);
        for (var i = 0; i < attempts && !until(job); i++)
        {
            await Task.Delay(50);
            job = await client.GetJobAsync(id);
        }
        return until(job) ? job : throw new TimeoutException($"Job {id} stayed {job["status"]}");
    }

    public static string Str(this JsonObject json, string name) => json[name]?.GetValue<string>() ?? "";
}
