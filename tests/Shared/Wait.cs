using System.Diagnostics;

namespace ToonStudio.Tests.Shared;

/// <summary>The one wait-until of the test projects: polls a condition and fails the test, saying what it waited for, when the condition never comes true.</summary>
public static class Wait
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="patience"/> of real time.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan patience, Func<string> what) =>
        UntilAsync(() => Task.FromResult(condition()), patience, what);

    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan, Func{string})"/>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, Func<string> what) =>
        UntilAsync(condition, patience, () => Task.FromResult(what()));

    /// <summary>As <see cref="UntilAsync(Func{bool}, TimeSpan, Func{string})"/>, with a description that has to ask the system under test (e.g. the jobs' statuses).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan patience, Func<Task<string>> what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"Waited {patience.TotalSeconds:0.#} s in vain for: {await what()}");
            }
            await Task.Delay(Interval);
        }
    }
}
