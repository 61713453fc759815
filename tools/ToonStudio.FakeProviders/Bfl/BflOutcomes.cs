using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>Moves a BFL task through Pending (rising progress) to the scenario's terminal status.</summary>
public static class BflOutcomes
{
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    public static void Advance(BflTask task, FakeState state, FakeUrls urls)
    {
        lock (task.Gate)
        {
            if (task.Finished)
            {
                return;
            }
            task.PollCount++;
            if (task.Scenario.End == "stuck" || !ScenarioFaults.IsDue(state, task.Scenario, task.CreatedAt, task.PollCount, task.PollsNeeded))
            {
                return;
            }
            task.Finished = true;
            (task.Status, task.Details) = task.Scenario.End switch
            {
                "request-moderated" => ("Request Moderated", Reasons("Sexual Content")),
                "content-moderated" => ("Content Moderated", Reasons("Derivative Works Filter")),
                "error" => ("Error", new JsonObject { ["error"] = "Internal generation error" }),
                "failed" => ("Failed", null),
                "not-found" => ("Task not found", null),
                "unknown" => (task.Scenario.Get("status") ?? "Generating", null),
                _ => ("Ready", (JsonObject?)null),
            };
            if (task.Status == "Ready")
            {
                task.Result = Ready(task, state, urls);
            }
        }
    }

    private static JsonObject Reasons(string reason) => new() { ["Moderation Reasons"] = new JsonArray(reason) };

    private static JsonObject Ready(BflTask task, FakeState state, FakeUrls urls)
    {
        var format = task.Request["output_format"]?.ToString() ?? "jpeg";
        var prompt = task.Request["prompt"]?.ToString() ?? "";
        var bytes = state.Options.FixedOutput ?? FakeImages.Render(task.InputImages, prompt, task.Request["aspect_ratio"]?.ToString(), format, state.Options.OutputEdge);
        var end = state.Options.Time.GetUtcNow();
        var lifetime = task.Scenario.Get("expire") is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)) : state.Options.BflDeliveryLifetime;
        var path = $"results/{task.Id[..2]}/{task.Id.Replace("-", "", StringComparison.Ordinal)}/sample.{format}";
        state.Files[path] = new StoredFile(bytes, FakeImages.ContentType(format), end + lifetime, task.Scenario.Key);
        var se = Uri.EscapeDataString((end + lifetime).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        var sample = FakeUrls.Join(urls.BflDelivery, $"{path}?se={se}&sp=r&sv=2024-11-04&sr=b&rsct=image/{format}&sig={Sign(path, se)}");
        return new JsonObject
        {
            ["sample"] = sample,
            ["prompt"] = prompt,
            ["seed"] = task.Request["seed"]?.GetValue<long>() ?? 42,
            ["start_time"] = task.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["end_time"] = end.ToUnixTimeMilliseconds() / 1000.0,
            ["duration"] = (end - task.CreatedAt).TotalSeconds,
        };
    }

    public static string Sign(string path, string se) =>
        Uri.EscapeDataString(Convert.ToBase64String(HMACSHA256.HashData(SigningKey, Encoding.UTF8.GetBytes(path + "|" + se))));
}
