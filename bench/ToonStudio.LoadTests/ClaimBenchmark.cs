using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using ToonStudio.Imaging;
using ToonStudio.Server;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Postgres;
using ToonStudio.Server.Storage.Sqlite;

namespace ToonStudio.LoadTests;

/// <summary>
/// Claims per second on PostgreSQL: N queued jobs, W claimers (as W runner loops across replicas would be), each
/// claiming until the queue is empty (leases of an hour, so the first round's jobs never come back as expired).
/// Then the same with claim + final update, a job's whole store cost. <c>claims-sqlite</c> runs the same rounds on the
/// embedded store, for comparison.
/// </summary>
internal static class ClaimBenchmark
{
    public static async Task RunAsync(int jobs, int workers)
    {
        var connection = new NpgsqlConnectionStringBuilder(Services.Postgres) { MaxPoolSize = workers + 8 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(connection);
        var schema = $"bench_{Guid.NewGuid():N}"[..20];
        await using var store = new PostgresJobStore(db, schema);
        await store.InitializeAsync(default);
        try
        {
            await Report("claim", jobs, workers, await RunRoundAsync(store, "c", jobs, workers, complete: false));
            await Report("claim + complete", jobs, workers, await RunRoundAsync(store, "u", jobs, workers, complete: true));
        }
        finally
        {
            await using var drop = db.CreateCommand($"drop schema {schema} cascade");
            await drop.ExecuteNonQueryAsync();
        }
    }

    public static async Task RunSqliteAsync(int jobs, int workers)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"toonstudio-bench-{Guid.NewGuid():N}");
        using (var store = new SqliteJobStore(Options.Create(new ToonStudioOptions { DataPath = folder })))
        {
            await store.InitializeAsync(default);
            await Report("sqlite claim", jobs, workers, await RunRoundAsync(store, "c", jobs, workers, complete: false));
            await Report("sqlite claim + complete", jobs, workers, await RunRoundAsync(store, "u", jobs, workers, complete: true));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<TimeSpan> RunRoundAsync(IJobStore store, string prefix, int jobs, int workers, bool complete)
    {
        var t0 = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, ct) =>
            await store.CreateAsync(Job($"{prefix}{i:D7}", t0.AddTicks(i)), ct));
        string[] engines = ["replicate"];
        var claimed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            while (await store.TryClaimAsync($"w{w}", engines, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), default) is { } job)
            {
                Interlocked.Increment(ref claimed);
                if (complete)
                {
                    await store.UpdateAsync(job with { Status = JobStatus.Succeeded, CompletedAt = DateTimeOffset.UtcNow }, default);
                }
            }
        })));
        clock.Stop();
        return claimed == jobs ? clock.Elapsed : throw new InvalidOperationException($"claimed {claimed} of {jobs}");
    }

    private static Task Report(string what, int jobs, int workers, TimeSpan elapsed)
    {
        Console.WriteLine($"{what}: {jobs} jobs, {workers} claimers: {elapsed.TotalSeconds:F2} s = {jobs / elapsed.TotalSeconds:F0} /s");
        return Task.CompletedTask;
    }

    private static Job Job(string id, DateTimeOffset created) => new()
    {
        Id = id,
        Kind = JobKind.Ppl,
        Engine = "replicate",
        Parameters = new JobParameters("bench", "1:1", OutputFormat.Png, 2, 1, null),
        CreatedAt = created,
        Deadline = created.AddMinutes(2),
        InputCount = 2,
    };
}
