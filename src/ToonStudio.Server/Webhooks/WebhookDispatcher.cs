using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Localization;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Webhooks;

/// <summary>
/// Delivers each finished job with a <see cref="Job.WebhookUrl"/> once, retrying with backoff. What it watches is
/// only a set of job ids; everything that matters (attempts, next attempt, delivered) is on the job row, so a
/// restart resumes where it stopped (start-up scan of <see cref="WebhookOptions.ResumeWindow"/>). At least once:
/// receivers deduplicate on <c>webhook-id</c>, which is the same on every attempt.
/// </summary>
public sealed partial class WebhookDispatcher(
    IJobStore store,
    IJobEventBus bus,
    WebhookSender sender,
    IOptionsMonitor<WebhookOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int Parallelism = 8;
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(30);

    /// <summary>A followed job: its change signal and when it is due to be read again.</summary>
    private sealed class Watch(IJobSubscription subscription)
    {
        public IJobSubscription Subscription { get; } = subscription;
        public DateTimeOffset? DueAt { get; set; }
        public DateTimeOffset LastRead { get; set; } = DateTimeOffset.MinValue;
    }

    private readonly ConcurrentDictionary<string, Watch> _watched = new(StringComparer.Ordinal);

    /// <summary>Follow this job until its webhook is delivered or given up.</summary>
    public void Follow(string jobId)
    {
        var subscription = bus.Subscribe(jobId);
        if (!_watched.TryAdd(jobId, new Watch(subscription)))
        {
            subscription.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            await ResumeAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogResumeFailed(e);
        }
        while (!ct.IsCancellationRequested)
        {
            await Parallel.ForEachAsync(_watched.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (id, token) =>
                {
                    try
                    {
                        await VisitAsync(id, token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        // One receiver or one row must never stop the others; the next look tries again.
                        LogVisitFailed(e, id);
                    }
                });
            await Task.Delay(options.CurrentValue.PollInterval, time, ct);
        }
    }

    public override void Dispose()
    {
        foreach (var watch in _watched.Values)
        {
            watch.Subscription.Dispose();
        }
        base.Dispose();
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.CurrentValue.ResumeWindow;
        string? before = null;
        while (true)
        {
            var page = await store.ListAsync(new JobQuery(null, null, 100, before), ct);
            foreach (var job in page.Where(j => j.CreatedAt >= cutoff && j.WebhookUrl is not null && j.Webhook?.Done != true))
            {
                Follow(job.Id);
            }
            if (page.Count < 100 || page[^1].CreatedAt < cutoff)
            {
                return;
            }
            before = JobJson.Cursor(page[^1]);
        }
    }

    private async Task VisitAsync(string id, CancellationToken ct)
    {
        var watch = _watched[id];
        var now = time.GetUtcNow();
        var changed = await watch.Subscription.WaitAsync(TimeSpan.Zero, ct);
        var due = watch.DueAt is { } at && at <= now;
        if (!changed && !due && now - watch.LastRead < Reread)
        {
            return;
        }
        watch.LastRead = now;
        var job = await store.GetAsync(id, ct);
        if (job?.WebhookUrl is null || job.Webhook?.Done == true)
        {
            Forget(id);
            return;
        }
        if (!job.IsTerminal)
        {
            return;
        }
        var delivery = job.Webhook ?? new DeliveryState();
        if (delivery.NextAttemptAt is { } next && next > now)
        {
            watch.DueAt = next;
            return;
        }
        delivery = await AttemptAsync(job, delivery, ct);
        await store.UpdateAsync(job with { Webhook = delivery, LeaseOwner = null }, ct);
        watch.DueAt = delivery.NextAttemptAt;
        if (delivery.Done)
        {
            Forget(id);
        }
    }

    private async Task<DeliveryState> AttemptAsync(Job job, DeliveryState delivery, CancellationToken ct)
    {
        var current = options.CurrentValue;
        if (!StillAllowed(job.WebhookUrl!, current))
        {
            // The allowlist is read again before every attempt: a host taken off it (or webhooks turned off) gets nothing more.
            LogNoLongerAllowed(job.Id, delivery.Attempts);
            return delivery with { LastError = "host no longer allowed", GaveUp = true, NextAttemptAt = null };
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(JobResponse.From(job, null, Language.Korean), json.Value.SerializerOptions);
        var attempt = await sender.SendAsync(job.WebhookUrl!, MessageId(job.Id), body, ct);
        var attempts = delivery.Attempts + 1;
        var now = time.GetUtcNow();
        var gaveUp = !attempt.Delivered && attempts >= current.MaxAttempts;
        if (attempt.Delivered)
        {
            LogDelivered(job.Id, attempts);
        }
        else
        {
            LogAttemptFailed(job.Id, attempts, attempt.Error, gaveUp);
        }
        return delivery with
        {
            Attempts = attempts,
            LastStatus = attempt.Status,
            LastError = attempt.Error,
            DeliveredAt = attempt.Delivered ? now : null,
            GaveUp = gaveUp,
            NextAttemptAt = attempt.Delivered || gaveUp ? null : now + current.RetryDelay(attempts),
        };
    }

    private static bool StillAllowed(string url, WebhookOptions current) =>
        current.Enabled && Uri.TryCreate(url, UriKind.Absolute, out var uri) && new HostAllowlist(current.AllowedHosts).IsAllowed(uri);

    private void Forget(string id)
    {
        if (_watched.TryRemove(id, out var watch))
        {
            watch.Subscription.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook of job {JobId} delivered on attempt {Attempt}")]
    private partial void LogDelivered(string jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of job {JobId} attempt {Attempt} failed: {Error} (given up: {GaveUp})")]
    private partial void LogAttemptFailed(string jobId, int attempt, string? error, bool gaveUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of job {JobId} given up after {Attempts} attempts: its host is no longer in ToonStudio:Webhooks:AllowedHosts")]
    private partial void LogNoLongerAllowed(string jobId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch for job {JobId} failed")]
    private partial void LogVisitFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resuming undelivered webhooks failed")]
    private partial void LogResumeFailed(Exception exception);

    /// <summary>Same for every attempt, restart and replica: receivers deduplicate on it.</summary>
    private static string MessageId(string jobId) => $"msg_{jobId}";
}
