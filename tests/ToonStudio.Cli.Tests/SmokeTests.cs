using System.Net;
using System.Net.Sockets;
using ToonStudio.FakeProviders;

namespace ToonStudio.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Smoke_LocalEngineServer_PassesWithExitZero()
    {
        using var server = new LiveServer();

        var (exit, output) = await Cli.RunAsync("smoke", server.Url);

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Contains("smoke passed", output);
        Assert.Matches(@"ppl\s+│\s+pass\s+│\s+local", output);
        Assert.Matches(@"goods\s+│\s+pass\s+│\s+local", output);
    }

    [Fact]
    public async Task Smoke_RemoteEnginesOnSandboxFakes_PassesWithExitZero()
    {
        const string token = "r8_cli-smoke-token", key = "bfl-cli-smoke-key";
        await using var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { ReplicateToken = token, BflKey = key, OutputEdge = 96 });
        using var server = new LiveServer(new Dictionary<string, string?>
        {
            ["REPLICATE_API_TOKEN"] = token,
            ["BFL_API_KEY"] = key,
            ["ToonStudio:Replicate:BaseUrl"] = Origin(fakes.Urls.ReplicateApi),
            ["ToonStudio:Replicate:PollInterval"] = "00:00:00.010",
            ["ToonStudio:Bfl:BaseUrl"] = Origin(fakes.Urls.BflApi),
            ["ToonStudio:Bfl:PollInterval"] = "00:00:00.010",
            ["ToonStudio:Bfl:PollingHosts:0"] = Origin(fakes.Urls.BflRegional),
            ["ToonStudio:Downloads:AllowedHosts:0"] = Origin(fakes.Urls.ReplicateFiles),
            ["ToonStudio:Downloads:AllowedHosts:1"] = Origin(fakes.Urls.BflDelivery),
        });

        var (exit, output) = await Cli.RunAsync("smoke", server.Url, "--ppl-engine", "replicate", "--goods-engine", "bfl");

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.Matches(@"ppl\s+│\s+pass\s+│\s+replicate", output);
        Assert.Matches(@"goods\s+│\s+pass\s+│\s+bfl", output);
    }

    [Fact]
    public async Task Smoke_ServerDown_FailsWithClearMessageAndExitTwo()
    {
        var url = $"http://127.0.0.1:{UnusedPort()}";

        var (exit, output) = await Cli.RunAsync("smoke", url);

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains($"Cannot reach ToonStudio at {url}/", output);
        Assert.Contains("Is the server running", output);
    }

    [Fact]
    public async Task Smoke_EngineWithoutKey_FailsThatCheckWithExitOne()
    {
        using var server = new LiveServer();

        var (exit, output) = await Cli.RunAsync("smoke", server.Url, "--ppl-engine", "replicate");

        Assert.True(exit == ExitCodes.Failed, output);
        Assert.Contains("REPLICATE_API_TOKEN", output);
        Assert.Contains("smoke FAILED", output);
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

    /// <summary>A loopback port nobody listens on: bound, read, released.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
