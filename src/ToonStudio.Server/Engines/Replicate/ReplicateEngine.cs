using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>
/// Replicate: create with <c>Prefer: wait</c> and <c>Cancel-After</c>, store the id at once, poll <c>urls.get</c>
/// with backoff until a terminal status (aborted included), download the output at once.
/// </summary>
public sealed class ReplicateEngine(
    ReplicateClient client, ReplicateInputs inputs, ReplicateOutcome outcome, IOptionsMonitor<ReplicateOptions> options, ToonStudioMetrics metrics, ILogger<ReplicateEngine> log) : IImageEngine
{
    /// <summary>The name requests, job rows and configuration use for this engine.</summary>
    public const string EngineName = "replicate";

    public string Name => EngineName;

    public int MaxInputEdge => options.CurrentValue.MaxInputEdge;

    public EngineAvailability Availability => new(Name, !string.IsNullOrEmpty(options.CurrentValue.ApiToken),
        string.IsNullOrEmpty(options.CurrentValue.ApiToken) ? ReplicateOptions.TokenVariable : null, [JobKind.Ppl, JobKind.Goods], Remote: true);

    public async Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct)
    {
        ReplicatePrediction prediction;
        if (request.Resume is { } resumed)
        {
            RemoteLog.Resuming(log, "Replicate", request.JobId, resumed.TaskId);
            prediction = await client.GetAsync(resumed.TaskId, resumed.PollingUrl, ct);
        }
        else
        {
            var body = await inputs.BuildAsync(request, ct);
            var remaining = request.Deadline - reporter.Time.GetUtcNow();
            var wait = (int)Math.Min(options.CurrentValue.PreferWait.TotalSeconds, remaining.TotalSeconds - 2);
            prediction = await client.CreateAsync(inputs.ModelFor(request.Kind), body, wait, remaining, ct);
            Check(prediction);
            RemoteLog.Accepted(log, "Replicate", request.JobId, prediction.Id);
            try
            {
                await reporter.ProviderAcceptedAsync(prediction.Id, prediction.Urls?.Get, null, ct);
            }
            catch (OperationCanceledException) when (!reporter.ProviderTaskStillWanted)
            {
                await CancelQuietlyAsync(prediction.Id, reporter);
                throw;
            }
        }
        try
        {
            prediction = await PollAsync(Check(prediction), reporter, ct);
        }
        // Whatever ends the job while the prediction may still run (cancel, deadline, MaxPolls, a provider that stopped
        // answering) must not leave it billing; a job that is only moving keeps it for the next process.
        catch (Exception e) when (e is OperationCanceledException or ToonStudioException && !reporter.ProviderTaskStillWanted)
        {
            await CancelQuietlyAsync(prediction.Id, reporter);
            throw;
        }
        return await outcome.ToResultAsync(prediction, request.Deadline, reporter, ct);
    }

    private async Task<ReplicatePrediction> PollAsync(ReplicatePrediction prediction, IEngineReporter reporter, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var delay = o.PollInterval;
        for (var poll = 1; !prediction.IsTerminal && !ReplicateOutcome.HasEarlyOutput(prediction); poll++)
        {
            if (poll > o.MaxPolls)
            {
                throw new ToonStudioException(ErrorCode.GenerationTimeout, $"Replicate gave no result after {o.MaxPolls} polls.");
            }
            await reporter.ReportAsync("generating", null, ct);
            await Task.Delay(delay, reporter.Time, ct);
            prediction = Check(await client.GetAsync(prediction.Id, prediction.Urls?.Get, ct));
            RemoteLog.Polled(log, "Replicate", prediction.Id, prediction.Status, poll);
            metrics.ProviderPoll(EngineName, prediction.Status);
            delay = TimeSpan.FromTicks(Math.Min(o.MaxPollInterval.Ticks, (long)(delay.Ticks * 1.5)));
        }
        return prediction;
    }

    /// <summary>
    /// Our job ended (user cancel or deadline): stop the provider too, so nobody pays for an unwanted image. Not when
    /// the job is only moving (shutdown, another replica): it stays resumable and the next process picks this prediction up.
    /// </summary>
    private async Task CancelQuietlyAsync(string id, IEngineReporter reporter)
    {
        if (reporter.ProviderTaskStillWanted)
        {
            RemoteLog.CancelSent(log, "Replicate", id, "not sent: shutting down, left for resume");
            return;
        }
        // On the job's clock, like the deadline that led here: a slow machine must not turn "cancel sent" into "gave up".
        using var timeout = new CancellationTokenSource(options.CurrentValue.CancelTimeout, reporter.Time);
        try
        {
            var after = await client.CancelAsync(id, timeout.Token);
            RemoteLog.CancelSent(log, "Replicate", id, after.Status);
        }
        catch (Exception e) when (e is ToonStudioException or OperationCanceledException or HttpRequestException)
        {
            RemoteLog.CancelSent(log, "Replicate", id, e.GetType().Name);
        }
    }

    private static ReplicatePrediction Check(ReplicatePrediction p) =>
        string.IsNullOrEmpty(p.Id) || string.IsNullOrEmpty(p.Status)
            ? throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "Replicate answered without a prediction id or status.")
            : p;
}
