using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ToonStudio.Server.Engines;

namespace ToonStudio.Server.Tests;

/// <summary>
/// The server in-process with only its edges swapped: a temporary data folder, extra configuration, optionally
/// a fake clock and engines standing in for the real ones. Several instances may share one data folder to
/// play "the same server after a restart".
/// </summary>
public sealed class ToonStudioApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDataPath;

    public ToonStudioApplication(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? dataPath = null)
    {
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["ToonStudio:DataPath"] = DataPath,
            ["urls"] = "http://127.0.0.1:0",
            ["ToonStudio:Runner:IdlePoll"] = "00:00:00.050",
            ["ToonStudio:Runner:ShutdownGrace"] = "00:00:00",
            ["REPLICATE_API_TOKEN"] = "",
            ["BFL_API_KEY"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        _services = services;
    }

    public string DataPath { get; }

    /// <summary>Replaces the engine of that name with <paramref name="engine"/>.</summary>
    public static Action<IServiceCollection> WithEngine(IImageEngine engine) => services =>
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IImageEngine) && IsSameName(d, engine.Name)).ToList())
        {
            services.Remove(descriptor);
        }
        services.AddSingleton(engine);
    };

    public static Action<IServiceCollection> WithTime(TimeProvider time) => services => services.Replace(ServiceDescriptor.Singleton(time));

    public static Action<IServiceCollection> Combine(params Action<IServiceCollection>[] actions) => services =>
    {
        foreach (var action in actions)
        {
            action(services);
        }
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => _services?.Invoke(services));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataPath)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing handle: the temp folder is cleaned by the OS.
            }
        }
    }

    private static bool IsSameName(ServiceDescriptor descriptor, string name) =>
        descriptor.ImplementationType?.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase) == true;
}
