using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ToonStudio.Server.Storage;

/// <summary>The single-process event bus: one bounded, coalescing channel per subscriber.</summary>
/// <param name="time">The clock a subscriber's wait runs on (the SSE keep-alive), so tests can advance it.</param>
public sealed class InProcessJobEventBus(TimeProvider time) : IJobEventBus
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new();
    private readonly Channel<bool> _work = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public ValueTask PublishChangedAsync(string jobId, CancellationToken ct)
    {
        if (_subscribers.TryGetValue(jobId, out var subscriptions))
        {
            foreach (var subscription in subscriptions.Keys)
            {
                subscription.Signal();
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishQueuedAsync(CancellationToken ct)
    {
        _work.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    public IJobSubscription Subscribe(string jobId)
    {
        var subscription = new Subscription(this, jobId, time);
        // Under the lock Remove takes: a set emptied and dropped meanwhile would swallow this subscription's signals.
        lock (_subscribers)
        {
            _subscribers.GetOrAdd(jobId, _ => new()).TryAdd(subscription, 0);
        }
        return subscription;
    }

    public async Task WaitForWorkAsync(TimeSpan max, CancellationToken ct)
    {
        // Real time on purpose: the runner's idle poll (other replicas' jobs, expired leases) must go on under a
        // test's FakeTimeProvider, which only moves when the test moves it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(max);
        try
        {
            await _work.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Nothing signalled: the runner polls anyway (other replicas, expired leases).
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_subscribers)
        {
            if (_subscribers.TryGetValue(subscription.JobId, out var set))
            {
                set.TryRemove(subscription, out _);
                if (set.IsEmpty)
                {
                    _subscribers.TryRemove(subscription.JobId, out _);
                }
            }
        }
    }

    /// <summary>One subscriber's signal for one job: at most one pending change, extra signals coalesce.</summary>
    private sealed class Subscription(InProcessJobEventBus bus, string jobId, TimeProvider time) : IJobSubscription
    {
        private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string JobId { get; } = jobId;

        public void Signal() => _changes.Writer.TryWrite(true);

        public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            using var expiry = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
            try
            {
                return await _changes.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Dispose() => bus.Remove(this);
    }
}
