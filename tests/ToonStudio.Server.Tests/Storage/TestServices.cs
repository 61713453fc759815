namespace ToonStudio.Server.Tests.Storage;

/// <summary>
/// The services ./test.sh starts (scripts/test-services.sh). A test that needs one fails, never skips, when its
/// variable is missing: a green run must mean the PostgreSQL and Azurite paths were tested.
/// </summary>
public static class TestServices
{
    public static string Postgres => Require("TOONSTUDIO_TEST_POSTGRES");

    public static string Azurite => Require("TOONSTUDIO_TEST_AZURITE");

    /// <summary>A fresh lower-case name per test, so tests run in parallel and again without cleaning up.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}";

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run ./test.sh, or start the services by hand: " +
                "`source scripts/test-services.sh && install_test_dependencies && start_test_services` (as root), " +
                "then run dotnet test from that shell.");
}
