namespace ToonStudio.ScaleOut.Tests;

/// <summary>PostgreSQL and Azurite from ./test.sh (scripts/test-services.sh); missing means fail, never skip.</summary>
public static class ScaleOutServices
{
    public static string Postgres => Require("TOONSTUDIO_TEST_POSTGRES");

    public static string Azurite => Require("TOONSTUDIO_TEST_AZURITE");

    /// <summary>Jobs in the load test: 60 by default (CI, under a minute), 300 on demand (the figure).</summary>
    public static int Jobs => int.TryParse(Environment.GetEnvironmentVariable("TOONSTUDIO_SCALEOUT_JOBS"), out var n) && n > 0 ? n : 60;

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run ./test.sh, or `source scripts/test-services.sh && install_test_dependencies && start_test_services` " +
                "(as root) and run dotnet test from that shell.");
}
