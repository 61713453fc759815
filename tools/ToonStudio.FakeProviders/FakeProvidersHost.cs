using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ToonStudio.FakeProviders;

/// <summary>
/// The five fake hosts (Replicate API, replicate.delivery, BFL API, BFL regional polling, BFL delivery), each on
/// its own loopback port, sharing one <see cref="FakeState"/>. Tests start it in-process; the CLI runs the same.
/// </summary>
public sealed class FakeProvidersHost : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;

    private FakeProvidersHost(FakeState state, FakeUrls urls, List<WebApplication> apps) => (State, Urls, _apps) = (state, urls, apps);

    public FakeState State { get; }
    public FakeUrls Urls { get; }

    public ScenarioCounters Counters(string spec) => State.Counters(Scenario.FromSpec(spec));

    public static async Task<FakeProvidersHost> StartAsync(FakeProvidersOptions? options = null, CancellationToken ct = default)
    {
        options ??= new FakeProvidersOptions();
        var state = new FakeState(options);
        FakeUrls? urls = null;
        var apps = new List<WebApplication>();
        var roles = new (int Port, Action<WebApplication> Map)[]
        {
            (options.ReplicateApiPort, a => a.MapReplicateApi()),
            (options.ReplicateFilesPort, a => a.MapReplicateDelivery()),
            (options.BflApiPort, a => a.MapBflApi()),
            (options.BflRegionalPort, a => a.MapBflRegional()),
            (options.BflDeliveryPort, a => a.MapBflDelivery()),
        };
        var bases = new List<Uri>();
        foreach (var (port, map) in roles)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.UseUrls($"http://{options.Host}:{port}");
            builder.Services.AddSingleton(state);
            builder.Services.AddSingleton(_ => urls ?? throw new InvalidOperationException("The fakes are still starting."));
            var app = builder.Build();
            app.MapAdmin();
            map(app);
            await app.StartAsync(ct);
            apps.Add(app);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            bases.Add(new Uri(address.Replace("[::]", options.Host, StringComparison.Ordinal)));
        }
        urls = new FakeUrls(bases[0], bases[1], bases[2], bases[3], bases[4]);
        return new FakeProvidersHost(state, urls, apps);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
