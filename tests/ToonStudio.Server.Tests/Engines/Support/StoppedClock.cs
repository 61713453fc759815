namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>
/// A clock whose time stands still while its timers run in real time: what an engine computes from "now" (the time
/// left to the deadline, the headers made of it) is exact however slow the machine, and its poll delays still pass.
/// </summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
