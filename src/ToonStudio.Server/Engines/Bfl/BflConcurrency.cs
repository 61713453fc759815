using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>
/// Keeps this process under BFL's active-task caps (24 per key, 6 for flux-kontext-max): a job holds a slot from
/// submit until its task ends, and waits for one (until its deadline) instead of earning a 429.
/// </summary>
public sealed class BflConcurrency(IOptionsMonitor<BflOptions> options, TimeProvider time, ILogger<BflConcurrency> log)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<SemaphoreSlim> _all = new(() => new SemaphoreSlim(options.CurrentValue.MaxActiveTasks));

    public async Task<IDisposable> AcquireAsync(string model, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var perModel = _models.GetOrAdd(model, m => new SemaphoreSlim(
            options.CurrentValue.ModelActiveTasks.TryGetValue(m, out var cap) ? Math.Max(1, cap) : options.CurrentValue.MaxActiveTasks));
        await perModel.WaitAsync(ct);
        try
        {
            await _all.Value.WaitAsync(ct);
        }
        catch
        {
            perModel.Release();
            throw;
        }
        Remote.RemoteLog.SlotAcquired(log, "BFL", model, time.GetElapsedTime(started));
        return new Slot(perModel, _all.Value);
    }

    /// <summary>A held place in BFL's per-model and overall limits, given back once on dispose.</summary>
    private sealed class Slot(SemaphoreSlim model, SemaphoreSlim all) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                all.Release();
                model.Release();
            }
        }
    }
}
