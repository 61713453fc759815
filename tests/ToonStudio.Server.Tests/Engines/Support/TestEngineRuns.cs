using ToonStudio.Server.Engines;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>Runs an engine on a <see cref="TestEngineContext"/>'s job the way the runner does.</summary>
public static class TestEngineRuns
{
    /// <summary>Builds the request from the context's row and runs the engine with the context as its reporter.</summary>
    public static Task<EngineResult> GenerateAsync(this IImageEngine engine, IReadOnlyList<EngineInput> inputs, TestEngineContext context, CancellationToken ct) =>
        engine.GenerateAsync(context.Request(inputs), context, ct);
}
