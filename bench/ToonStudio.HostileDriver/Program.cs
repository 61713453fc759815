using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ToonStudio.HostileDriver;
using ToonStudio.Server.Tests.Hostile.Corpus;
using ToonStudio.Tests.Shared;

// The hostile corpus against the real server process (Kestrel limits, real sockets, the local engine rendering what is
// accepted), several rounds at once, then the server's peak RSS (VmHWM). Exit 0 when every answer was allowed and the
// peak stayed within the budget; 1 otherwise.
//   dotnet run -c Release --project bench/ToonStudio.HostileDriver -- [rounds=3] [concurrency=4] [budgetMb=500]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var budgetMb = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;

var clock = Stopwatch.StartNew();
var cases = HostileCorpus.All;
Console.WriteLine($"{Machine.Describe()}\n{cases.Count} cases generated in {clock.Elapsed.TotalSeconds:F1} s; {rounds} rounds, {concurrency} at a time");

var data = Directory.CreateTempSubdirectory("toonstudio-hostile-");
await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
{
    ["ToonStudio:DataPath"] = data.FullName,
    ["ToonStudio:RateLimit:Enabled"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
}, Path.Combine(data.FullName, "server.log"));
var idle = server.PeakRssBytes();

var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
var failures = new List<string>();
clock.Restart();
for (var round = 1; round <= rounds; round++)
{
    await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (hostile, ct) =>
    {
        var (outcome, failure) = await Send.RunAsync(server.Http, hostile, ct);
        lock (tally)
        {
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            if (failure is not null)
            {
                failures.Add($"{hostile.Name}: {outcome} — {failure}");
            }
        }
    });
    Console.WriteLine($"round {round}: {clock.Elapsed.TotalSeconds:F1} s, peak RSS so far {server.PeakRssBytes() / 1048576} MB");
}
var requestsDone = clock.Elapsed;
await Send.WaitForJobsAsync(server.Http, TimeSpan.FromMinutes(10));
var peak = server.PeakRssBytes();

Console.WriteLine($"\n{cases.Count * rounds} requests in {requestsDone.TotalSeconds:F1} s; accepted jobs rendered by {clock.Elapsed.TotalSeconds:F1} s");
foreach (var (outcome, count) in tally)
{
    Console.WriteLine($"  {outcome,-28} {count}");
}
foreach (var failure in failures.Distinct().Take(50))
{
    Console.WriteLine($"  FAIL {failure}");
}
Console.WriteLine($"server peak RSS (VmHWM): {peak / 1048576} MB (idle {idle / 1048576} MB), budget {budgetMb} MB; server exited: {server.HasExited}");
var ok = failures.Count == 0 && !server.HasExited && peak <= budgetMb * 1048576L;
Console.WriteLine(ok ? "PASS" : "FAIL");
data.Delete(recursive: true);
return ok ? 0 : 1;

namespace ToonStudio.HostileDriver
{
    internal static class Send
    {
        public static async Task<(string Outcome, string? Failure)> RunAsync(HttpClient client, HostileCase hostile, CancellationToken ct)
        {
            try
            {
                using var request = hostile.Request();
                using var response = await client.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                string? code = null;
                if (status >= 400 && (response.Content.Headers.ContentType?.MediaType ?? "").Contains("json", StringComparison.Ordinal))
                {
                    code = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))?["code"]?.GetValue<string>();
                }
                var outcome = HostileCase.Outcome(status, code);
                if (!hostile.Allows(status, code))
                {
                    return (outcome, $"allowed: {string.Join(" | ", hostile.Allowed)}");
                }
                return (outcome, status < 300 && hostile.Verify is { } verify ? await verify(client, response) : null);
            }
            catch (HttpRequestException e)
            {
                var allowed = hostile.Allowed.Contains(HostileCase.ResetWhileSending);
                return (allowed ? HostileCase.ResetWhileSending : "connection error", allowed ? null : e.Message);
            }
        }

        /// <summary>Until no job is queued or running (the local engine renders every accepted upload), or the patience ends.</summary>
        public static async Task WaitForJobsAsync(HttpClient client, TimeSpan patience)
        {
            var until = DateTime.UtcNow + patience;
            while (DateTime.UtcNow < until)
            {
                var queued = JsonNode.Parse(await client.GetStringAsync("/api/v1/jobs?status=queued&limit=1"))?["items"]?.AsArray().Count ?? 0;
                var running = JsonNode.Parse(await client.GetStringAsync("/api/v1/jobs?status=running&limit=1"))?["items"]?.AsArray().Count ?? 0;
                if (queued + running == 0)
                {
                    return;
                }
                await Task.Delay(500);
            }
        }
    }

    internal static class Machine
    {
        public static string Describe()
        {
            var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
            var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
            return $"machine: {Environment.ProcessorCount} cores ({cpu}), {memory} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        }
    }
}
