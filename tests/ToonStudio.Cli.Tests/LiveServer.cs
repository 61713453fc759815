using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ToonStudio.Cli.Tests;

/// <summary>
/// The real server on a real loopback port (Kestrel, not the test server), so the CLI talks HTTP exactly as it
/// does to a deployment. Its own temp data folder; extra settings and services swap only the edges.
/// </summary>
public sealed class LiveServer : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public LiveServer(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "toonstudio-cli-tests", Guid.NewGuid().ToString("N"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ToonStudio:DataPath", DataPath);
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("REPLICATE_API_TOKEN", "");
            web.UseSetting("BFL_API_KEY", "");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(s => services?.Invoke(s));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        Url = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string Url { get; }

    public string DataPath { get; }

    public IServiceProvider Services => _factory.Services;

    public void Dispose()
    {
        _factory.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing: the temp folder is the OS's to clean.
        }
    }
}
