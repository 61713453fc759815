using System.Diagnostics;
using System.Net.Sockets;
using ToonStudio.Tests.Shared;

namespace ToonStudio.ScaleOut.Tests;

/// <summary>One real server process (<c>dotnet ToonStudio.Server.dll</c>) on a loopback port, its output in a log file.</summary>
public sealed class ServerReplica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerReplica(string name, Uri baseUrl, Process process, string logPath, StreamWriter log)
    {
        (Name, BaseUrl, _process, LogPath, _log) = (name, baseUrl, process, logPath, log);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }
    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public string LogPath { get; }
    public bool HasExited => _process.HasExited;

    public static async Task<ServerReplica> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [ServerBuild.DllPath, "--urls", baseUrl.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerBuild.DllPath)!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        var logPath = Path.Combine(logFolder, $"{name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ServerBuild.DllPath}");
        process.OutputDataReceived += (_, e) => ProcessSupport.Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessSupport.Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new ServerReplica(name, baseUrl, process, logPath, log);
        await replica.WaitReadyAsync(TimeSpan.FromSeconds(60));
        return replica;
    }

    /// <summary>SIGKILL: no shutdown hook runs, leases are left to expire.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public string ReadLog()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Http.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitReadyAsync(TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Tail()}");
            }
            try
            {
                using var response = await Http.GetAsync("readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {patience}:\n{Tail()}");
    }

    private string Tail() => string.Join('\n', ReadLog().Split('\n').TakeLast(40));

    private static int FreePort() => ProcessSupport.FreePort();
}
