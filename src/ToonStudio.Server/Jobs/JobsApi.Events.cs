using System.Text.Json;
using ToonStudio.Server.Core;
using ToonStudio.Server.Localization;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

public static partial class JobsApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Server-Sent Events: an <c>event: job</c> with the full job on every change, ending after the terminal one.
    /// Each event carries an id, so a reconnecting EventSource resumes without losing the final state.
    /// </summary>
    public static async Task StreamJobEvents(string id, HttpContext context, IJobStore store, IJobEventBus bus, EtaEstimator eta, ShutdownClock shutdown, CancellationToken aborted)
    {
        // On SIGTERM the stream ends cleanly instead of being reset at the end of the host's shutdown budget;
        // EventSource reconnects by itself (to another replica, or to this one once restarted). The first event is
        // written whatever the shutdown does (the store outlives the grace period), so a stream opened just before
        // SIGTERM still answers 200 with the job's state instead of failing before its headers.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(aborted, shutdown.Stopping);
        var ct = stream.Token;
        var job = await FindAsync(store, id, aborted);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var language = Language.Of(context.Request);
        using var subscription = bus.Subscribe(id);
        // A reconnecting EventSource sends the last id it saw: number on from it, so ids never repeat within one EventSource.
        var sequence = int.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var lastSeen) && lastSeen < int.MaxValue / 2 ? lastSeen : 0;
        string? last = null;
        try
        {
            while (true)
            {
                var token = last is null ? aborted : ct;
                var json = JsonSerializer.Serialize(JobResponse.From(job, await eta.SecondsLeftAsync(job, token), language), JobEventJson);
                if (json != last)
                {
                    await response.WriteAsync($"id: {++sequence}\nevent: job\ndata: {json}\n\n", token);
                    await response.Body.FlushAsync(token);
                    last = json;
                }
                if (job.IsTerminal)
                {
                    return;
                }
                if (!await subscription.WaitAsync(KeepAlive, ct))
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                }
                job = await store.GetAsync(id, ct) ?? job with { Status = JobStatus.Canceled };
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or the server is stopping; the job goes on.
        }
    }

    /// <summary>How a job is written into an event's data line.</summary>
    private static readonly JsonSerializerOptions JobEventJson = new(JsonSerializerDefaults.Web);
}
