using System.Diagnostics;
using System.Net.Sockets;

namespace ToonStudio.Tests.Shared;

/// <summary>
/// One real server process (<c>dotnet ToonStudio.Server.dll</c>) on a loopback port, its output in a log file: the
/// Reliability faults (SIGKILL, SIGTERM and peak RSS mean nothing for an in-process host) and the ScaleOut replicas.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Uri baseUrl, Process process, string logPath, StreamWriter log)
    {
        (BaseUrl, _process, LogPath, _log) = (baseUrl, process, logPath, log);
        Name = Path.GetFileNameWithoutExtension(logPath);
        // Longer than the production deadline (2 min) + the compatible endpoints' 10 s grace: the long run waits that long.
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(4) };
    }

    /// <summary>The log file's name without extension ("replica-1", "first").</summary>
    public string Name { get; }
    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public string LogPath { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the server with <paramref name="settings"/> as <c>--key=value</c> arguments and <paramref name="environment"/>
    /// added to its environment; waits for <c>/readyz</c>.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string logPath, IReadOnlyDictionary<string, string>? environment = null, int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(ServerBuild.DllPath)!,
        };
        start.ArgumentList.Add(ServerBuild.DllPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ServerBuild.DllPath}");
        process.OutputDataReceived += (_, e) => ProcessSupport.Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => ProcessSupport.Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(baseUrl, process, logPath, log);
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            // A server that never became ready must not outlive the failed test (it would load the machine for the rest).
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Peak resident set size so far (VmHWM), in bytes; 0 once the process is gone.</summary>
    public long PeakRssBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, nothing is flushed, leases stay as they were.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as Kubernetes sends it; returns once the process has exited or <paramref name="patience"/> passed.</summary>
    public async Task<bool> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
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
        using var probe = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting:\n{Tail()}");
            }
            try
            {
                using var response = await probe.GetAsync("readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} was not ready within {patience}:\n{Tail()}");
    }

    private string Tail() => string.Join('\n', ReadLog().Split('\n').TakeLast(40));

    public static int FreePort() => ProcessSupport.FreePort();
}
