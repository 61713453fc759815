using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Tests.Engines.Support;

namespace ToonStudio.Server.Tests.Engines.Replicate;

/// <summary>
/// Attempt timeouts: a slow poll is retried (GET is idempotent), a slow submit is not (it may have been accepted).
/// The engines run on a fake clock: the attempt timeout passes only when the fake is holding the request, so a slow
/// machine can neither time out a normal call nor let a held one answer.
/// </summary>
public sealed class ReplicateEngineSlowAnswerTests : IClassFixture<FakesFixture>, IDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What the fake clock moves per tick while nothing is held: the poll interval and backoff (milliseconds) pass, an attempt timeout never does.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    private readonly FakesFixture _fakes;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly EngineHarness _harness;

    public ReplicateEngineSlowAnswerTests(FakesFixture fakes)
    {
        _fakes = fakes;
        _harness = new(fakes, new Dictionary<string, string?>
        {
            ["ToonStudio:Replicate:Resilience:AttemptTimeout"] = AttemptTimeout.ToString(),
            ["ToonStudio:Replicate:PreferWait"] = "00:00:00",
        }, _time);
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task GenerateAsync_SubmitSlowerThanAttemptTimeout_FailsWithoutSecondSubmit()
    {
        var (marker, counters) = _fakes.Scenario("delay=600000");

        var error = await FailsOnFakeClockAsync(marker, () => counters.SubmitAttempts);

        Assert.Equal(ErrorCode.ProviderFailed, error.Code);
        Assert.Contains("did not answer in time", error.Detail);
        Assert.Equal(1, counters.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateAsync_PollsSlowerThanAttemptTimeout_PollRetriedThenProviderFailed()
    {
        var (marker, counters) = _fakes.Scenario("poll-delay=600000");

        var error = await FailsOnFakeClockAsync(marker, () => counters.Polls);

        Assert.Equal(ErrorCode.ProviderFailed, error.Code);
        Assert.Contains("did not answer in time", error.Detail);
        Assert.Equal(1, counters.Submissions);
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Cancels);
    }

    /// <summary>
    /// Runs the engine while driving the fake clock: each request the fake starts holding (<paramref name="held"/>
    /// counts them) gets one attempt timeout and a second; otherwise the clock creeps by <see cref="Step"/>.
    /// </summary>
    private async Task<ToonStudioException> FailsOnFakeClockAsync(string marker, Func<int> held)
    {
        var context = new TestEngineContext(EngineJobs.Make(JobKind.Ppl, $"a prompt {marker}", "replicate", deadline: TimeSpan.FromMinutes(30)), _time);
        var run = Task.Run(() => _harness.Replicate.GenerateAsync(EngineJobs.Inputs(JobKind.Ppl), context, CancellationToken.None));
        var released = 0;
        await Wait.UntilAsync(() =>
        {
            if (run.IsCompleted)
            {
                return true;
            }
            if (held() > released)
            {
                released++;
                _time.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));
            }
            else
            {
                _time.Advance(Step);
            }
            return false;
        }, TimeSpan.FromSeconds(120), () => $"the engine to give up on the held requests ({held()} held, {released} timed out)");
        return await Assert.ThrowsAsync<ToonStudioException>(() => run);
    }
}
