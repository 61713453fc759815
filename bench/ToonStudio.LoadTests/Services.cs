namespace ToonStudio.LoadTests;

internal static class Services
{
    public static string Postgres => Environment.GetEnvironmentVariable("TOONSTUDIO_TEST_POSTGRES") is { Length: > 0 } v
        ? v
        : throw new InvalidOperationException("TOONSTUDIO_TEST_POSTGRES is not set: `source scripts/test-services.sh && start_test_services` first.");
}
