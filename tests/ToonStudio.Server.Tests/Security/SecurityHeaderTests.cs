namespace ToonStudio.Server.Tests.Security;

public sealed class SecurityHeaderTests : IDisposable
{
    private readonly ToonStudioApplication _app = new(new Dictionary<string, string?> { ["ToonStudio:Auth:ApiKeys:0"] = "header-test-key-0123456789" });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/login/")]
    [InlineData("/js/api.js")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/jobs")]
    [InlineData("/api/v1/nothing-here")]
    public async Task AnyResponse_CarriesStrictHeaders(string path)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
