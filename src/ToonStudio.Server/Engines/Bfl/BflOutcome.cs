using System.Text.Json;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>What a final get_result means: an image to download at once (10-minute link), or a catalog error.</summary>
public sealed class BflOutcome(ResultDownloader downloader, ILogger<BflOutcome> log)
{
    public async Task<EngineResult> ToResultAsync(BflResult r, IEngineReporter reporter, CancellationToken ct)
    {
        switch (r.Status)
        {
            case "Ready":
                if (r.Result is not { ValueKind: JsonValueKind.Object } result
                    || !result.TryGetProperty("sample", out var sample) || sample.ValueKind != JsonValueKind.String)
                {
                    RemoteLog.UnexpectedOutput(log, "BFL", r.Id, Replicate.ReplicateOutput.Describe(r.Result));
                    throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "BFL reported Ready without a result image.");
                }
                await reporter.ReportAsync("downloading", null, ct);
                var image = await downloader.DownloadAsync("BFL", sample.GetString() ?? "", ct);
                return new EngineResult(image.Bytes, image.ContentType, []);
            case "Request Moderated" or "Content Moderated":
                var reasons = Reasons(r.Details);
                var what = r.Status == "Request Moderated" ? "the request" : "the generated image";
                throw Fail(r, ErrorCode.Moderated, $"BFL moderated {what}{(reasons.Length > 0 ? $": {reasons}" : "")}.", reasons);
            case "Error" or "Failed":
                throw Fail(r, ErrorCode.ProviderFailed, $"BFL failed: {ProviderErrors.Clean(ErrorText(r.Details) ?? r.Status, null)}");
            case "Task not found":
                throw Fail(r, ErrorCode.ProviderFailed, "BFL no longer knows the task (Task not found).");
            default:
                throw Fail(r, ErrorCode.UnexpectedProviderOutput, $"BFL reported a status this server does not know ({ProviderErrors.Clean(r.Status, null)}).");
        }
    }

    /// <summary><c>details["Moderation Reasons"]</c>, e.g. "Derivative Works Filter".</summary>
    internal static string Reasons(JsonElement? details) =>
        details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("Moderation Reasons", out var list) && list.ValueKind == JsonValueKind.Array
            ? ProviderErrors.Clean(string.Join(", ", list.EnumerateArray().Select(e => e.ToString())), null)
            : "";

    private static string? ErrorText(JsonElement? details) =>
        details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("error", out var e) ? e.ToString() : null;

    private ToonStudioException Fail(BflResult r, string code, string detail, string? reasons = null)
    {
        RemoteLog.Failed(log, "BFL", r.Id, r.Status, code);
        return new ToonStudioException(code, detail, args: string.IsNullOrEmpty(reasons) ? null : new Dictionary<string, string> { ["reasons"] = reasons });
    }
}
