using System.Diagnostics;
using System.Text.RegularExpressions;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Hosting;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Ops;

/// <summary>What a person sees on the console: readable lines and a banner in Development, JSON lines elsewhere.</summary>
public sealed partial class ConsoleOutputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Development_ConsoleIsSimpleLines_BannerTellsUiAndEngines_OneLinePerRequest()
    {
        await using var server = await ConsoleServer.StartAsync("Development");
        var banner = await server.WaitForLineAsync(l => l.Contains("Engines not configured", StringComparison.Ordinal));
        using (var http = new HttpClient { BaseAddress = server.BaseUrl })
        using (var response = await http.GetAsync("/api/v1/engines"))
        {
            Assert.True(response.IsSuccessStatusCode, $"GET /api/v1/engines answered {response.StatusCode}");
        }
        var request = await server.WaitForLineAsync(l => l.Contains("Result returned GET /api/v1/engines 200", StringComparison.Ordinal));

        var lines = server.Lines;
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith('{'));
        Assert.Contains(lines, l => SimpleLine().IsMatch(l) && l.Contains($"Now listening on: {server.BaseUrl.ToString().TrimEnd('/')}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"ToonStudio UI: {server.BaseUrl}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Engines available: local (ppl, goods)", StringComparison.Ordinal));
        Assert.Contains("replicate: set REPLICATE_API_TOKEN", banner, StringComparison.Ordinal);
        Assert.Contains("bfl: set BFL_API_KEY", banner, StringComparison.Ordinal);
        Assert.Matches(SimpleLine(), request);
    }

    [Fact]
    public async Task Production_ConsoleIsJsonLines_BannerIncluded()
    {
        await using var server = await ConsoleServer.StartAsync("Production");
        var banner = await server.WaitForLineAsync(l => l.Contains("Engines not configured", StringComparison.Ordinal));

        Assert.StartsWith("{", banner.TrimStart(), StringComparison.Ordinal);
        Assert.All(server.Lines.Where(l => l.Length > 0), l => Assert.StartsWith("{", l.TrimStart(), StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_RemoteEnginesConfigured_NoHintAndBrowsableAddress()
    {
        var lines = StartupBanner.Lines(["http://[::]:8080"],
            [new EngineAvailability("local", true, null, [JobKind.Ppl, JobKind.Goods], false),
             new EngineAvailability("replicate", true, null, [JobKind.Ppl, JobKind.Goods], true)],
            "replicate", "replicate");

        Assert.Equal(
            ["ToonStudio UI: http://localhost:8080/ (API under /api, OpenAPI at /openapi/v1.json)",
             "Engines available: local (ppl, goods), replicate (ppl, goods); default ppl=replicate, goods=replicate"],
            lines);
    }

    /// <summary>The simple formatter's single line: <c>HH:mm:ss info: Category[id] message</c>.</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d (info|warn|fail|dbug|crit|trce): [\w.]+\[\d+\] ")]
    private static partial Regex SimpleLine();

    /// <summary>The built server as a child process in one environment, its stdout kept line by line.</summary>
    private sealed class ConsoleServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly string _data;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ConsoleServer(Process process, Uri baseUrl, string data) => (_process, BaseUrl, _data) = (process, baseUrl, data);

        public Uri BaseUrl { get; }

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public static Task<ConsoleServer> StartAsync(string environment)
        {
            var port = ProcessSupport.FreePort();
            var data = Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(ServerBuild.DllPath)!,
            };
            foreach (var arg in new[] { ServerBuild.DllPath, $"--urls=http://127.0.0.1:{port}", $"--ToonStudio:DataPath={data}" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
            start.Environment["DOTNET_ENVIRONMENT"] = environment;
            start.Environment["REPLICATE_API_TOKEN"] = "";
            start.Environment["BFL_API_KEY"] = "";
            start.Environment.Remove("Logging__Console__FormatterName");
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var server = new ConsoleServer(process, new Uri($"http://127.0.0.1:{port}/"), data);
            process.OutputDataReceived += (_, e) => server.Add(e.Data);
            process.ErrorDataReceived += (_, e) => server.Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return Task.FromResult(server);
        }

        /// <summary>The first line that matches; fails the test when the server exits or stays silent too long.</summary>
        public async Task<string> WaitForLineAsync(Func<string, bool> match)
        {
            using var bound = new CancellationTokenSource(Bound);
            while (true)
            {
                Task changed;
                lock (_lines)
                {
                    if (_lines.FirstOrDefault(match) is { } line)
                    {
                        return line;
                    }
                    changed = _changed.Task;
                }
                if (_process.HasExited)
                {
                    Assert.Fail($"The server exited ({_process.ExitCode}) before the expected line:\n{string.Join('\n', Lines)}");
                }
                try
                {
                    await changed.WaitAsync(TimeSpan.FromSeconds(1), bound.Token);
                }
                catch (TimeoutException)
                {
                    // Re-check the exit status.
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"The expected line never came within {Bound}:\n{string.Join('\n', Lines)}");
                }
            }
        }

        private void Add(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lines)
            {
                _lines.Add(line);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            try
            {
                Directory.Delete(_data, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
                // Never created: the server did not get that far.
            }
        }
    }
}
