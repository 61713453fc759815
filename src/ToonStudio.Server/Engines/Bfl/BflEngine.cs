using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>
/// BFL: wait for a slot under the active-task cap, submit, store id + regional polling_url + cost at once, poll
/// that URL verbatim every PollInterval at most MaxPolls times, download the signed sample at once.
/// </summary>
public sealed class BflEngine(
    BflClient client, BflConcurrency slots, BflOutcome outcome, IOptionsMonitor<BflOptions> options, ToonStudioMetrics metrics, ILogger<BflEngine> log) : IImageEngine
{
    /// <summary>The name requests, job rows and configuration use for this engine.</summary>
    public const string EngineName = "bfl";

    public string Name => EngineName;

    public int MaxInputEdge => options.CurrentValue.MaxInputEdge;

    public EngineAvailability Availability => new(Name, !string.IsNullOrEmpty(options.CurrentValue.ApiKey),
        string.IsNullOrEmpty(options.CurrentValue.ApiKey) ? BflOptions.KeyVariable : null, [JobKind.Goods, JobKind.Ppl], Remote: true);

    public async Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct)
    {
        var model = options.CurrentValue.Model;
        using var slot = await slots.AcquireAsync(model, ct);
        string pollingUrl;
        if (request.Resume is { } resumed)
        {
            RemoteLog.Resuming(log, "BFL", request.JobId, resumed.TaskId);
            pollingUrl = resumed.PollingUrl ?? client.DefaultPollingUrl(resumed.TaskId);
        }
        else
        {
            var accepted = await client.SubmitAsync(model, BflRequests.Build(request), ct);
            if (string.IsNullOrEmpty(accepted.Id) || string.IsNullOrEmpty(accepted.PollingUrl))
            {
                throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "BFL accepted the task without an id or polling URL.");
            }
            RemoteLog.Accepted(log, "BFL", request.JobId, accepted.Id);
            await reporter.ProviderAcceptedAsync(accepted.Id, accepted.PollingUrl, accepted.Cost, ct);
            pollingUrl = accepted.PollingUrl;
        }
        var result = await PollAsync(pollingUrl, reporter, ct);
        slot.Dispose();
        return await outcome.ToResultAsync(result, reporter, ct);
    }

    private async Task<BflResult> PollAsync(string pollingUrl, IEngineReporter reporter, CancellationToken ct)
    {
        var o = options.CurrentValue;
        for (var poll = 1; poll <= o.MaxPolls; poll++)
        {
            await Task.Delay(o.PollInterval, reporter.Time, ct);
            var result = await client.PollAsync(pollingUrl, ct);
            if (string.IsNullOrEmpty(result.Status))
            {
                throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "BFL answered a poll without a status.");
            }
            RemoteLog.Polled(log, "BFL", result.Id ?? "?", result.Status, poll);
            metrics.ProviderPoll(EngineName, result.Status);
            if (o.InProgressStatuses.Contains(result.Status, StringComparer.Ordinal)
                || (result.Status == "Task not found" && poll <= o.NotFoundGrace))
            {
                await reporter.ReportAsync("generating", result.Progress is { } p ? Math.Clamp(p, 0, 1) * 0.9 : null, ct);
                continue;
            }
            return result;
        }
        throw new ToonStudioException(ErrorCode.GenerationTimeout, $"BFL gave no result after {o.MaxPolls} polls.");
    }
}
