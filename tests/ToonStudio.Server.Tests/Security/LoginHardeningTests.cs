using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Server.Security;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Security;

/// <summary>
/// Issue 14 item 3: the login's return target stays on this site, guessing is throttled (429 + Retry-After),
/// sessions end on logout and when their key is removed or rotated, the cookie is Secure over https, short keys refuse to start.
/// </summary>
public sealed class LoginHardeningTests : IDisposable
{
    private const string Key = "ts_login_key_0123456789";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly ToonStudioApplication _app;

    public LoginHardeningTests() => _app = new(new Dictionary<string, string?>
    {
        ["ToonStudio:Auth:ApiKeys:0"] = Key,
        ["ToonStudio:Auth:MaxFailures"] = "3",
        ["ToonStudio:Auth:FailureWindow"] = "00:05:00",
    }, ToonStudioApplication.WithTime(_clock));

    public void Dispose() => _app.Dispose();

    private HttpClient Client(string? baseAddress = null) => _app.CreateClient(new()
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri(baseAddress ?? "http://localhost"),
    });

    private static FormUrlEncodedContent LoginForm(string key, string? target = null) =>
        new(new Dictionary<string, string> { ["api_key"] = key, ["return"] = target ?? "/" });

    private static HttpRequestMessage Jobs(string? key = null, string? cookie = null, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return request;
    }

    [Theory]
    [InlineData("/%09/evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/\r/evil.example/")]
    [InlineData("/%0a/evil.example/")]
    [InlineData("/%0D/evil.example/")]
    [InlineData("/%250a/evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\\\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%5C%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%252F/evil.example")]
    [InlineData("/%25252F/evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:/evil.example")]
    [InlineData("evil.example")]
    [InlineData(" /ok")]
    [InlineData("/ok /path")]
    [InlineData("/\u00e9")]
    [InlineData("")]
    [InlineData(null)]
    public void ReturnPath_OffSiteOrAmbiguous_FallsBackToRoot(string? target) =>
        Assert.Equal("/", ReturnPath.Local(target));

    [Theory]
    [InlineData("/ok/path?x=1")]
    [InlineData("/goods-gen/")]
    [InlineData("/history/?job=01J%20X")]
    [InlineData("/a%zz")]
    [InlineData("/")]
    public void ReturnPath_SameSitePath_Kept(string target) =>
        Assert.Equal(target, ReturnPath.Local(target));

    [Theory]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    public async Task CreateSession_EncodedForeignReturn_RedirectsToRoot(string target)
    {
        using var client = Client();
        using var login = await client.PostAsync("/api/auth/session", LoginForm(Key, target));

        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(null, "실패한 시도가 너무 많음")]
    [InlineData("en", "Too many failed attempts")]
    public async Task Api_RepeatedWrongKeys_Answers429WithRetryAfterInBothLanguages(string? language, string title)
    {
        using var client = Client();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await client.SendAsync(Jobs($"wrong-key-{i:D2}-0123456789"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await client.SendAsync(Jobs("another-wrong-key-0123", language: language));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.JsonAsync();
        Assert.Equal("too_many_attempts", problem.Str("code"));
        Assert.Equal(title, problem.Str("title"));
    }

    [Fact]
    public async Task Throttled_EvenTheRightKeyGetsNoAnswerUntilTheWindowEnds()
    {
        using var client = Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsync("/api/auth/session", LoginForm($"guess-{i:D2}-0123456789abc"))).Dispose();
        }

        using (var right = await client.SendAsync(Jobs(Key)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        }
        using (var login = await client.PostAsync("/api/auth/session", LoginForm(Key)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
            Assert.NotNull(login.Headers.RetryAfter);
        }
        _clock.Advance(TimeSpan.FromMinutes(2));
        using (var later = await client.SendAsync(Jobs(Key)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, later.StatusCode);
            Assert.Equal(TimeSpan.FromMinutes(3), later.Headers.RetryAfter?.Delta);
        }

        _clock.Advance(TimeSpan.FromMinutes(3));

        using var after = await client.SendAsync(Jobs(Key));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Throttle_OpenPagesAndProbesStayServed()
    {
        using var client = Client();
        for (var i = 0; i < 4; i++)
        {
            (await client.SendAsync(Jobs())).Dispose();
        }

        using var page = await client.GetAsync("/login/");
        using var health = await client.GetAsync("/healthz");
        using var api = await client.SendAsync(Jobs());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer()
    {
        using var client = Client();
        using var login = await client.PostAsync("/api/auth/session", LoginForm(Key));
        var session = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using (var before = await client.SendAsync(Jobs(cookie: session)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = new HttpRequestMessage(HttpMethod.Delete, "/api/auth/session");
        logout.Headers.Add("Cookie", session);
        using (var done = await client.SendAsync(logout))
        {
            Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        }

        // A copy of the token (another tab, a stolen cookie) no longer works either.
        using var after = await client.SendAsync(Jobs(cookie: session));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData("https://localhost", null, true)]
    [InlineData("http://localhost", "https", true)]
    [InlineData("http://localhost", null, false)]
    public async Task CreateSession_CookieSecureWhenTheRequestWasHttps(string baseAddress, string? forwardedProto, bool secure)
    {
        using var client = Client(baseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/session") { Content = LoginForm(Key) };
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        using var login = await client.SendAsync(request);

        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ShortKey_RefusesToStartNamingTheSetting()
    {
        using var app = new ToonStudioApplication(new Dictionary<string, string?>
        {
            ["ToonStudio:Auth:ApiKeys:0"] = Key,
            ["ToonStudio:Auth:ApiKeys:1"] = "short-key",
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ToonStudio:Auth:ApiKeys:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("16", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Sessions against configuration changes, on <see cref="ApiKeys"/> itself: a removed or rotated key ends its sessions.</summary>
public sealed class SessionRevocationTests
{
    private const string KeyA = "ts_session_key_a_0123456789";
    private const string KeyB = "ts_session_key_b_0123456789";

    private sealed class Monitor(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue { get; set; } = value;

        public AuthOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }

    [Fact]
    public void KeyRemoved_ItsSessionsEndOthersStay()
    {
        var monitor = new Monitor(new AuthOptions { ApiKeys = [KeyA, KeyB] });
        var keys = new ApiKeys(monitor, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var a = keys.NewSession(0);
        var b = keys.NewSession(1);

        monitor.CurrentValue = new AuthOptions { ApiKeys = [KeyB] };

        Assert.Equal(-1, keys.MatchSession(a));
        Assert.Equal(0, keys.MatchSession(b));
    }

    [Fact]
    public void KeyRotated_OldSessionsEnd()
    {
        var monitor = new Monitor(new AuthOptions { ApiKeys = [KeyA] });
        var keys = new ApiKeys(monitor, new FakeTimeProvider(DateTimeOffset.UtcNow));
        var session = keys.NewSession(0);

        monitor.CurrentValue = new AuthOptions { ApiKeys = ["ts_session_key_rotated_0123"] };

        Assert.Equal(-1, keys.MatchSession(session));
    }

    [Fact]
    public void Revoke_EndsOnlyThatSession()
    {
        var keys = new ApiKeys(new Monitor(new AuthOptions { ApiKeys = [KeyA] }), new FakeTimeProvider(DateTimeOffset.UtcNow));
        var first = keys.NewSession(0);
        var second = keys.NewSession(0);

        keys.Revoke(first);

        Assert.Equal(-1, keys.MatchSession(first));
        Assert.Equal(0, keys.MatchSession(second));
    }

    [Fact]
    public void Session_ExpiresAfterItsLifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var keys = new ApiKeys(new Monitor(new AuthOptions { ApiKeys = [KeyA], SessionLifetime = TimeSpan.FromHours(1) }), clock);
        var session = keys.NewSession(0);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, keys.MatchSession(session));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(-1, keys.MatchSession(session));
    }

    [Theory]
    [InlineData("9999999999.forged")]
    [InlineData("short.9999999999.AAAA")]
    [InlineData("abcdefghijklmnopqrstuvwx.9999999999.AAAA")]
    [InlineData("")]
    public void MatchSession_Forged_Refused(string token) =>
        Assert.Equal(-1, new ApiKeys(new Monitor(new AuthOptions { ApiKeys = [KeyA] }), TimeProvider.System).MatchSession(token));
}
