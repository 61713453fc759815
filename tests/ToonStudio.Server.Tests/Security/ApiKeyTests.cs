using System.Net;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Security;

public sealed class ApiKeyTests : IDisposable
{
    private const string Key = "ts_test_key_0123456789";
    private readonly ToonStudioApplication _app = new(new Dictionary<string, string?>
    {
        ["ToonStudio:Auth:ApiKeys:0"] = "ts_other_key_0123456789",
        ["ToonStudio:Auth:ApiKeys:1"] = Key,
    });

    public void Dispose() => _app.Dispose();

    private HttpClient Client() => _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData(null, "인증 필요")]
    [InlineData("en", "Unauthorized")]
    public async Task Api_NoKey_Answers401ProblemInBothLanguages(string? language, string title)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/engines");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.JsonAsync();
        Assert.Equal("unauthorized", problem.Str("code"));
        Assert.Equal(title, problem.Str("title"));
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + Key, HttpStatusCode.OK)]
    [InlineData("X-Api-Key", Key, HttpStatusCode.OK)]
    [InlineData("Authorization", "Bearer ts_other_key_0123456789", HttpStatusCode.OK)]
    [InlineData("Authorization", "Bearer " + Key + "x", HttpStatusCode.Unauthorized)]
    [InlineData("X-Api-Key", "ts_test_key", HttpStatusCode.Unauthorized)]
    [InlineData("Authorization", "Basic " + Key, HttpStatusCode.Unauthorized)]
    public async Task Api_Credential_AdmittedOnlyWhenAKeyMatches(string header, string value, HttpStatusCode expected)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/metrics")]
    [InlineData("/")]
    [InlineData("/login/")]
    [InlineData("/ppl-gen/")]
    [InlineData("/api/auth/session")]
    public async Task OpenPaths_NoKey_StayOpen(string path)
    {
        using var client = Client();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CreateSession_ValidKey_SetsStrictHttpOnlyCookieThatOpensTheApi()
    {
        using var client = Client();
        using var login = await client.PostAsync("/api/auth/session",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = Key, ["return"] = "/goods-gen/" }));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/goods-gen/", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var session = cookie.Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
        request.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong", "/history/", "/login/?failed=1&return=%2Fhistory%2F")]
    [InlineData(Key, "//evil.example/", "/")]
    [InlineData(Key, "https://evil.example/", "/")]
    public async Task CreateSession_BadKeyOrForeignReturn_StaysOnThisSite(string key, string target, string expected)
    {
        using var client = Client();
        using var login = await client.PostAsync("/api/auth/session",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = key, ["return"] = target }));

        Assert.Equal(expected, login.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("toonstudio_session=9999999999.forged")]
    [InlineData("toonstudio_session=1.AAAA")]
    [InlineData("toonstudio_session=")]
    public async Task Api_ForgedSession_Answers401(string cookie)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_SessionWriteFromForeignOrigin_Answers401()
    {
        using var client = Client();
        using var login = await client.PostAsync("/api/auth/session", new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = Key }));
        var session = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = Forms.Goods() };
        request.Headers.Add("Cookie", session);
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
