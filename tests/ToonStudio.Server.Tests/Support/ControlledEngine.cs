using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Support;

/// <summary>An engine the test holds: it reports progress, then waits until released or canceled.</summary>
public sealed class ControlledEngine(string name = "local") : IImageEngine
{
    private int _calls;

    public string Name => name;
    public int MaxInputEdge => 1024;
    public EngineAvailability Availability => new(name, true, null, [JobKind.Ppl, JobKind.Goods], Remote: false);

    public int Calls => Volatile.Read(ref _calls);
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Canceled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>The inputs of the latest call, as the runner handed them over.</summary>
    public IReadOnlyList<EngineInput> Inputs { get; private set; } = [];

    public async Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        Inputs = request.Inputs;
        await reporter.ReportAsync("generating", 0.5, ct);
        Started.TrySetResult();
        try
        {
            await Release.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Canceled.TrySetResult();
            throw;
        }
        return new EngineResult(request.Inputs[0].Png, "image/png", []);
    }
}
