using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>What a finished prediction means: an image to download, or a catalog error.</summary>
public sealed class ReplicateOutcome(ResultDownloader downloader, ILogger<ReplicateOutcome> log)
{
    /// <summary>File outputs may arrive while the status still says processing; Replicate documents answering then.</summary>
    public static bool HasEarlyOutput(ReplicatePrediction p) =>
        p.Status == "processing" && ReplicateOutput.TryGetLocation(p.Output, out _, out _);

    public async Task<EngineResult> ToResultAsync(ReplicatePrediction p, DateTimeOffset deadline, IEngineReporter reporter, CancellationToken ct)
    {
        if (p.Status is "succeeded" or "processing")
        {
            if (!ReplicateOutput.TryGetLocation(p.Output, out var location, out var shape))
            {
                if (p.DataRemoved)
                {
                    throw Fail(p, ErrorCode.ProviderFailed, "Replicate removed the result before it could be downloaded.");
                }
                RemoteLog.UnexpectedOutput(log, "Replicate", p.Id, shape);
                throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, $"Replicate returned an output this server cannot use ({shape}).");
            }
            await reporter.ReportAsync("downloading", null, ct);
            var image = await downloader.DownloadAsync("Replicate", location, ct);
            return new EngineResult(image.Bytes, image.ContentType, []);
        }
        var error = p.Error is { ValueKind: System.Text.Json.JsonValueKind.String } e ? e.GetString() : p.Error?.ToString();
        throw p.Status switch
        {
            "failed" when IsModeration(error) => Fail(p, ErrorCode.Moderated, "Replicate flagged the input or output as sensitive (E005).", "sensitive content (E005)"),
            "failed" => Fail(p, ErrorCode.ProviderFailed, $"Replicate failed: {ProviderErrors.Clean(error ?? "no reason given", null)}"),
            "aborted" => Fail(p, ErrorCode.GenerationTimeout, "Replicate did not start the prediction before the deadline."),
            "canceled" when reporter.Time.GetUtcNow() >= deadline - TimeSpan.FromSeconds(2) =>
                Fail(p, ErrorCode.GenerationTimeout, "Replicate stopped the prediction at the deadline."),
            "canceled" => Fail(p, ErrorCode.ProviderFailed, "The prediction was canceled at Replicate."),
            _ => Fail(p, ErrorCode.UnexpectedProviderOutput, $"Replicate reported an unknown status ({ProviderErrors.Clean(p.Status, null)})."),
        };
    }

    internal static bool IsModeration(string? error) =>
        error is not null && (error.Contains("E005", StringComparison.Ordinal) || error.Contains("flagged as sensitive", StringComparison.OrdinalIgnoreCase));

    private ToonStudioException Fail(ReplicatePrediction p, string code, string detail, string? reasons = null)
    {
        RemoteLog.Failed(log, "Replicate", p.Id, p.Status, code);
        return new ToonStudioException(code, detail, args: reasons is null ? null : new Dictionary<string, string> { ["reasons"] = reasons });
    }
}
