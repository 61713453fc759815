using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ToonStudio.Server.Storage;

/// <summary>The single-process event bus: one bounded, coalescing channel per subscriber.</summary>
public sealed class InProcessJobEventBus : IJobEventBus
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
        var subscription = new Subscription(this, jobId);
        // Under the lock Remove takes: a set emptied and dropped meanwhile would swallow this subscription's signals.
        lock (_subscribers)
        {
            _subscribers.GetOrAdd(jobId, _ => new()).TryAdd(subscription, 0);
        }
        return subscription;
    }

    public async Task WaitForWorkAsync(TimeSpan max, CancellationToken ct)
    {
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
    private sealed class Subscription(InProcessJobEventBus bus, string jobId) : IJobSubscription
    {
        private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string JobId { get; } = jobId;

        public void Signal() => _changes.Writer.TryWrite(true);

        public async ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            // Real time on purpose, like WaitForWorkAsync: the timeout is the poll behind the signals (JobWaiter's 1 s
            // look for a change another replica made), which must go on under a test's FakeTimeProvider.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
            linked.CancelAfter(timeout);
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
