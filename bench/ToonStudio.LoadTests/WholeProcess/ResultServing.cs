using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.LoadTests.WholeProcess;

/// <summary>
/// <c>GET /api/v1/jobs/{id}/result</c> against Debian's nginx serving the same bytes from a folder, both driven by
/// <c>wrk</c> (same threads, connections and duration) in the same run, reported as a ratio.
/// </summary>
public static partial class ResultServing
{
    private const string WrkArgs = "-t2 -c64 -d10s";

    public static async Task<string> RunAsync(HttpClient server, string jobId, string scratch)
    {
        var path = $"api/v1/jobs/{jobId}/result";
        var bytes = await server.GetByteArrayAsync(path);
        var root = Directory.CreateDirectory(Path.Combine(scratch, "nginx"));
        await File.WriteAllBytesAsync(Path.Combine(root.FullName, "result.png"), bytes);
        var port = ServerProcess.FreePort();
        var config = Path.Combine(root.FullName, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes auto;
            pid {{root.FullName}}/nginx.pid;
            error_log {{root.FullName}}/error.log;
            events { worker_connections 1024; }
            http {
              access_log off;
              sendfile on;
              tcp_nopush on;
              keepalive_requests 100000;
              types { image/png png; }
              server { listen 127.0.0.1:{{port}}; root {{root.FullName}}; }
            }
            """);
        using var nginx = Process.Start(new ProcessStartInfo("nginx", ["-c", config, "-p", root.FullName]) { RedirectStandardError = true })!;
        try
        {
            await Task.Delay(1000);
            var ours = await WrkAsync(new Uri(server.BaseAddress!, path).ToString());
            var theirs = await WrkAsync($"http://127.0.0.1:{port}/result.png");
            // Context for the gap: the same process answering the job's JSON (same lookup, no file) and /healthz (no lookup, no API logging).
            var json = await WrkAsync(new Uri(server.BaseAddress!, $"api/v1/jobs/{jobId}").ToString());
            var health = await WrkAsync(new Uri(server.BaseAddress!, "healthz").ToString());
            return $"GET result ({bytes.Length / 1024} KB), wrk {WrkArgs}: ToonStudio {ours:F0} req/s, nginx {theirs:F0} req/s, ratio {ours / theirs:F2}×; " +
                $"same process: GET job JSON {json:F0} req/s, GET /healthz {health:F0} req/s";
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    private static async Task<double> WrkAsync(string url)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
        foreach (var arg in WrkArgs.Split(' '))
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start)!;
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"wrk printed no Requests/sec:\n{output}");
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
