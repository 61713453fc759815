using ToonStudio.Server.Generation;

namespace ToonStudio.Server.Tests.Hostile;

/// <summary>The decode pixel budget on its own: large decodes queue, small ones share, oversize is clamped, a cancel gives back.</summary>
[Trait("Category", "Unit")]
public sealed class PixelBudgetTests
{
    [Fact]
    public async Task AcquireAsync_TwoLargeDecodes_SecondWaitsForTheFirst()
    {
        using var budget = new PixelBudget(40_000_000);
        var first = await budget.AcquireAsync(36_000_000, CancellationToken.None);

        var second = budget.AcquireAsync(36_000_000, CancellationToken.None);
        Assert.False(second.IsCompleted);

        budget.Release(first);
        Assert.Equal(36, await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AcquireAsync_SmallDecodes_RunSideBySide()
    {
        using var budget = new PixelBudget(40_000_000);

        var leases = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => budget.AcquireAsync(1_500_000, CancellationToken.None)));

        Assert.All(leases, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task AcquireAsync_OverCapacity_ClampedInsteadOfWaitingForever()
    {
        using var budget = new PixelBudget(40_000_000);

        Assert.Equal(40, await budget.AcquireAsync(4_000_000_000, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AcquireAsync_CanceledWhileWaiting_ReturnsWhatItHeld()
    {
        using var budget = new PixelBudget(10_000_000);
        var first = await budget.AcquireAsync(6_000_000, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(6_000_000, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        budget.Release(first);

        Assert.Equal(10, await budget.AcquireAsync(10_000_000, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
