using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Replicate;

namespace ToonStudio.Server.Tests.Engines.Support;

/// <summary>
/// The two remote engines as the server registers them, pointed at the fakes, with tiny poll intervals and
/// backoff so no test waits on a clock; every log line at every level is collected.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    private readonly IHost _host;

    /// <param name="fakes">The fake providers the engines talk to.</param>
    /// <param name="overrides">Settings replacing the defaults below.</param>
    /// <param name="time">The clock of the engines and their resilience pipelines (attempt timeouts, backoff); the system clock if null.</param>
    public EngineHarness(FakesFixture fakes, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(Settings(fakes, overrides));
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        builder.AddReplicateEngine();
        builder.AddBflEngine();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    public IImageEngine Replicate => Engine("replicate");

    public IImageEngine Bfl => Engine("bfl");

    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    public IImageEngine Engine(string name) => _host.Services.GetServices<IImageEngine>().Single(e => e.Name == name);

    public void Dispose() => _host.Dispose();

    public static Dictionary<string, string?> Settings(FakesFixture fakes, IDictionary<string, string?>? overrides = null)
    {
        var urls = fakes.Urls;
        var settings = new Dictionary<string, string?>
        {
            // Padded like a secret mounted from a file: the engines must trim it.
            ["REPLICATE_API_TOKEN"] = $"  {FakesFixture.ReplicateToken}\n",
            ["BFL_API_KEY"] = $"{FakesFixture.BflKey}\r\n",
            // Every level of every category, whatever appsettings.json says: the key-leak test reads them all.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["ToonStudio:Replicate:BaseUrl"] = FakesFixture.Origin(urls.ReplicateApi),
            ["ToonStudio:Replicate:PreferWait"] = "00:01:00", // sync mode is opt-in; these tests cover it
            ["ToonStudio:Replicate:PollInterval"] = "00:00:00.002",
            ["ToonStudio:Replicate:MaxPollInterval"] = "00:00:00.005",
            ["ToonStudio:Replicate:MaxPolls"] = "20",
            ["ToonStudio:Replicate:Resilience:BaseDelay"] = "00:00:00.001",
            ["ToonStudio:Replicate:Resilience:MaxRetries"] = "2",
            ["ToonStudio:Bfl:BaseUrl"] = FakesFixture.Origin(urls.BflApi),
            ["ToonStudio:Bfl:PollInterval"] = "00:00:00.002",
            ["ToonStudio:Bfl:MaxPolls"] = "20",
            ["ToonStudio:Bfl:PollingHosts:0"] = FakesFixture.Origin(urls.BflRegional),
            ["ToonStudio:Bfl:Resilience:BaseDelay"] = "00:00:00.001",
            ["ToonStudio:Bfl:Resilience:MaxRetries"] = "2",
            ["ToonStudio:Downloads:AllowedHosts:0"] = FakesFixture.Origin(urls.ReplicateFiles),
            ["ToonStudio:Downloads:AllowedHosts:1"] = FakesFixture.Origin(urls.BflDelivery),
            ["ToonStudio:Downloads:Resilience:BaseDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }
}
