using System.Runtime.InteropServices;

namespace ToonStudio.FakeProviders;

/// <summary>
/// <c>dotnet run --project tools/ToonStudio.FakeProviders</c>: the fakes on fixed ports 5101–5105 by default
/// (override with <c>--ReplicateApiPort 6101</c> etc., or any <see cref="FakeProvidersOptions"/> property).
/// </summary>
public static class FakeProvidersProgram
{
    public static async Task Main(string[] args)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables("FAKES_").AddCommandLine(args).Build();
        var options = new FakeProvidersOptions
        {
            ReplicateApiPort = 5101,
            ReplicateFilesPort = 5102,
            BflApiPort = 5103,
            BflRegionalPort = 5104,
            BflDeliveryPort = 5105,
        };
        config.Bind(options);
        await using var host = await FakeProvidersHost.StartAsync(options);
        var u = host.Urls;
        Console.WriteLine($"""
            ToonStudio fake providers are running. Point the server at them:
              ToonStudio__Replicate__BaseUrl={u.ReplicateApi.ToString().TrimEnd('/')}
              ToonStudio__Bfl__BaseUrl={u.BflApi.ToString().TrimEnd('/')}
              ToonStudio__Bfl__PollingHosts__0={u.BflRegional.ToString().TrimEnd('/')}
              ToonStudio__Bfl__PollingHosts__1={u.BflApi.ToString().TrimEnd('/')}
              ToonStudio__Downloads__AllowedHosts__0={u.ReplicateFiles.ToString().TrimEnd('/')}
              ToonStudio__Downloads__AllowedHosts__1={u.BflDelivery.ToString().TrimEnd('/')}
              ToonStudio__Downloads__AllowedHosts__2={u.ReplicateApi.ToString().TrimEnd('/')}
              REPLICATE_API_TOKEN=r8_fake  BFL_API_KEY=bfl_fake
            Counters: GET {u.ReplicateApi}admin/stats · default scenario: POST {u.ReplicateApi}admin/scenario?spec=end=e005
            Ctrl+C to stop.
            """);
        using var stop = new CancellationTokenSource();
        // Each inner app's console lifetime swallows SIGTERM/SIGINT for itself; this process must end on them too.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stop.Cancel());
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
