namespace ToonStudio.Server.Generation;

/// <summary>
/// Admits decodes by the pixels they will allocate (in megapixel permits), so the sum in flight stays within a budget:
/// a maximum-size decode runs alone, small ones side by side. One acquirer collects permits at a time, so two large
/// decodes can never each hold half of the budget and wait for the other forever.
/// </summary>
internal sealed class PixelBudget(long capacityPixels) : IDisposable
{
    private const long Unit = 1_000_000;

    private readonly int _units = (int)Math.Clamp(capacityPixels / Unit, 1, int.MaxValue);
    private readonly SemaphoreSlim _admission = new(1, 1);
    private readonly SemaphoreSlim _permits = new((int)Math.Clamp(capacityPixels / Unit, 1, int.MaxValue));

    public async Task<int> AcquireAsync(long pixels, CancellationToken ct)
    {
        var wanted = (int)Math.Clamp((pixels + Unit - 1) / Unit, 1, _units);
        var taken = 0;
        await _admission.WaitAsync(ct);
        try
        {
            for (; taken < wanted; taken++)
            {
                await _permits.WaitAsync(ct);
            }
        }
        catch
        {
            if (taken > 0)
            {
                _permits.Release(taken);
            }
            throw;
        }
        finally
        {
            _admission.Release();
        }
        return wanted;
    }

    public void Release(int permits) => _permits.Release(permits);

    public void Dispose()
    {
        _admission.Dispose();
        _permits.Dispose();
    }
}
