namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>
/// Fast (CI) or long (on demand: <c>TOONSTUDIO_RELIABILITY_LONG=1</c>) runs of the same suites: the long part uses
/// more jobs and the production deadline and shutdown grace instead of shortened ones.
/// </summary>
public static class Scale
{
    public static bool Long { get; } = Environment.GetEnvironmentVariable("TOONSTUDIO_RELIABILITY_LONG") is "1" or "true";

    public static int Pick(int fast, int slow) => Long ? slow : fast;

    public static TimeSpan Pick(TimeSpan fast, TimeSpan slow) => Long ? slow : fast;

    public static string Pick(string fast, string slow) => Long ? slow : fast;
}
