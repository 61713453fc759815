using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>Moves a prediction along and fills its terminal state according to its scenario.</summary>
public static class ReplicateOutcomes
{
    public static void Advance(ReplicatePrediction p, FakeState state, FakeUrls urls, bool poll)
    {
        var now = state.Options.Time.GetUtcNow();
        lock (p.Gate)
        {
            if (p.IsTerminal)
            {
                p.DataRemoved |= p.CompletedAt + state.Options.ReplicateOutputLifetime < now;
                return;
            }
            if (poll)
            {
                p.PollCount++;
            }
            if (p.Scenario.End == "stuck" || !ScenarioFaults.IsDue(state, p.Scenario, p.CreatedAt, p.PollCount, p.PollsNeeded))
            {
                if (p.PollCount > 0 && p.Scenario.End != "aborted")
                {
                    p.Status = "processing";
                    p.StartedAt ??= now;
                }
                if (p.Scenario.Get("early") is not null && p.PollCount == p.PollsNeeded - 1 && p.Output is null)
                {
                    p.Output = Output(p, state, urls);
                }
                return;
            }
            Finish(p, state, urls, now);
        }
    }

    private static void Finish(ReplicatePrediction p, FakeState state, FakeUrls urls, DateTimeOffset now)
    {
        p.CompletedAt = now;
        switch (p.Scenario.End)
        {
            case "e005":
                (p.Status, p.Error, p.StartedAt) = ("failed", ReplicateErrors.E005, p.StartedAt ?? now);
                break;
            case "failed":
                (p.Status, p.Error, p.StartedAt) = ("failed", "Prediction interrupted; please retry (code: PA)", p.StartedAt ?? now);
                break;
            case "canceled":
                (p.Status, p.StartedAt) = ("canceled", p.StartedAt ?? now);
                break;
            case "aborted":
                (p.Status, p.StartedAt) = ("aborted", null);
                break;
            default:
                p.Status = "succeeded";
                p.StartedAt ??= now;
                p.Output ??= Output(p, state, urls);
                p.DataRemoved = p.Scenario.End == "removed";
                break;
        }
    }

    private static JsonNode? Output(ReplicatePrediction p, FakeState state, FakeUrls urls)
    {
        var format = p.Input["output_format"]?.GetValue<string>() ?? "png";
        var bytes = state.Options.FixedOutput ?? FakeImages.Render(p.InputImages, p.Input["prompt"]?.GetValue<string>() ?? "", p.Input["aspect_ratio"]?.GetValue<string>(), format, state.Options.OutputEdge);
        var ext = format == "jpg" ? "jpg" : "png";
        var path = $"xezq/{Guid.NewGuid():N}/tmp{p.Id[..8]}.{ext}";
        var lifetime = p.Scenario.Get("expire") is { } ms ? TimeSpan.FromMilliseconds(int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture)) : state.Options.ReplicateOutputLifetime;
        state.Files[path] = new StoredFile(bytes, FakeImages.ContentType(format), state.Options.Time.GetUtcNow() + lifetime, p.Scenario.Key);
        var url = FakeUrls.Join(urls.ReplicateFiles, path);
        return p.Scenario.Get("output") switch
        {
            "list" => new JsonArray(url),
            "datauri" => $"data:{FakeImages.ContentType(format)};base64,{Convert.ToBase64String(bytes)}",
            "object" => new JsonObject { ["image"] = url },
            "number" => 42,
            "foreign" => "http://169.254.169.254/latest/meta-data/iam",
            "loopback" => "https://127.0.0.1/secret.png",
            _ => url,
        };
    }
}
