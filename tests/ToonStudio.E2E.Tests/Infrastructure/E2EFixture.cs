using Microsoft.Playwright;
using ToonStudio.FakeProviders;

namespace ToonStudio.E2E.Tests.Infrastructure;

/// <summary>
/// One real server process (local engine by default, the BFL engine pointed at the in-process fakes),
/// one Debian Chromium. Shared by every E2E test; the tests run one after another.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "TOONSTUDIO_TEST_CHROMIUM";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private FakeProvidersHost? _fakes;
    private ServerProcess? _server;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), $"toonstudio-e2e-{Guid.NewGuid():N}");

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server is not running.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}. Install Debian's package (apt-get install -y chromium fonts-noto-cjk; ./test.sh does) or set {ChromiumVariable}.");
        }
        Directory.CreateDirectory(DataPath);
        _fakes = await FakeProvidersHost.StartAsync();
        _server = await StartServerAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // CI runs the other test projects beside this one on two cores: give UI assertions some room.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private Task<ServerProcess> StartServerAsync()
    {
        var fakes = _fakes!.Urls;
        static string Base(Uri u) => u.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string>
        {
            ["ToonStudio:Engines:Ppl"] = "local",
            ["ToonStudio:Engines:Goods"] = "local",
            ["ToonStudio:Bfl:BaseUrl"] = Base(fakes.BflApi),
            ["ToonStudio:Bfl:PollingHosts:0"] = Base(fakes.BflRegional),
            ["ToonStudio:Bfl:PollingHosts:1"] = Base(fakes.BflApi),
            ["ToonStudio:Bfl:PollInterval"] = "00:00:00.250",
            // 60 polls of 250 ms: a task the fake never finishes ends as generation_timeout after 15 s.
            ["ToonStudio:Bfl:MaxPolls"] = "60",
            ["ToonStudio:Downloads:AllowedHosts:0"] = Base(fakes.BflDelivery),
            ["ToonStudio:Downloads:AllowedHosts:1"] = Base(fakes.ReplicateFiles),
        };
        var environment = new Dictionary<string, string> { ["BFL_API_KEY"] = "bfl_fake" };
        return ServerProcess.StartAsync(DataPath, settings, environment);
    }

    /// <summary>Kills the server (as a crash would) and starts a new process on the same data folder.</summary>
    public async Task RestartServerAsync()
    {
        await Server.DisposeAsync();
        _server = null;
        _server = await StartServerAsync();
    }

    /// <summary>A fresh browser context (no stored language) on the current server.</summary>
    public async Task<PageSession> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "ko-KR",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        await page.GotoAsync(path);
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        if (_fakes is not null)
        {
            await _fakes.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<E2EFixture>
{
    public const string Name = "E2E";
}
