using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Ops;

/// <summary>An engine standing in for <paramref name="name"/> that ends every job the same way, at once.</summary>
public sealed class ScriptedEngine(string name, ScriptedEngine.Outcome outcome) : IImageEngine
{
    public enum Outcome { Succeed, Fail, HangUntilCanceled }

    public string Name => name;
    public int MaxInputEdge => 1024;
    public EngineAvailability Availability => new(name, true, null, [JobKind.Ppl, JobKind.Goods], Remote: name != "local");

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<EngineResult> GenerateAsync(EngineRequest request, IEngineReporter reporter, CancellationToken ct)
    {
        await reporter.ProviderAcceptedAsync($"task-{request.JobId}", null, null, ct);
        Started.TrySetResult();
        return outcome switch
        {
            Outcome.Succeed => new EngineResult(request.Inputs[0].Png, "image/png", []),
            Outcome.Fail => throw new ToonStudioException(ErrorCode.ProviderFailed, "the scripted provider failed"),
            _ => await Task.Delay(Timeout.Infinite, ct).ContinueWith<EngineResult>(_ => throw new OperationCanceledException(ct), TaskScheduler.Default),
        };
    }
}
