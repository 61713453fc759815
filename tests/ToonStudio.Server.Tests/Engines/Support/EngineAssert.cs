using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Engines.Support;

public static class EngineAssert
{
    /// <summary>Runs the engine and returns the catalog error it must fail with.</summary>
    public static async Task<ToonStudioException> FailsAsync(IImageEngine engine, TestEngineContext context, string code)
    {
        var inputs = EngineJobs.Inputs(context.Job.Kind);
        var error = await Assert.ThrowsAsync<ToonStudioException>(() => engine.GenerateAsync(inputs, context, CancellationToken.None));
        Assert.Equal(code, error.Code);
        return error;
    }

    public static TestEngineContext Context(string engine, string marker, JobKind kind = JobKind.Ppl, TimeSpan? deadline = null) =>
        new(EngineJobs.Make(kind, $"a prompt {marker}", engine, deadline: deadline));
}
