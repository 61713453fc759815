using Microsoft.Data.Sqlite;
using ToonStudio.FakeProviders;
using ToonStudio.Reliability.Tests.Infrastructure;

namespace ToonStudio.Reliability.Tests.Faults;

/// <summary>
/// The data folder's disk fills up (an 8 MB tmpfs): new work is refused with 507 <c>insufficient_storage</c>, a job
/// whose result cannot be stored ends with that code (not <c>internal_error</c>), the SQLite file stays sound, and
/// the service works again as soon as space is back — without a restart.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CreateJob_DataDiskFull_InsufficientStorageThenRecovers()
    {
        using var folder = new TempFolder("diskfull");
        using var disk = SmallDisk.Mount(folder.Sub("disk"), 8);
        await using var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { Latency = TimeSpan.FromSeconds(3) });
        var data = Path.Combine(disk.Path, "data");
        var settings = FakeSettings.For(fakes.Urls, data);
        await using var server = await ServerProcess.StartAsync(settings, Path.Combine(folder.Path, "server.log"));
        var jobs = new JobsClient(server.Http);

        using var accepted = await jobs.CreateAsync("ppl", "holding a can");
        var early = (await JobsClient.ReadJsonAsync(accepted.EnsureSuccessStatusCode())).GetProperty("id").GetString()!;
        var filled = disk.Fill();

        using var refused = await jobs.CreateAsync("ppl", "holding a can");
        var refusedBody = await JobsClient.ReadJsonAsync(refused);
        using var refusedCompatible = await jobs.GenerateGoodsCompatibleAsync("mug");
        var compatibleBody = await JobsClient.ReadJsonAsync(refusedCompatible);
        var whileFull = await jobs.GetJobAsync(early);
        output.WriteLine($"filled {filled} bytes; create: {(int)refused.StatusCode} {refusedBody.GetProperty("code")}; " +
            $"compatible: {(int)refusedCompatible.StatusCode} {compatibleBody.GetProperty("code")}; job accepted before, while full: {JobsClient.Status(whileFull)}");

        Assert.Equal(507, (int)refused.StatusCode);
        Assert.Equal("insufficient_storage", refusedBody.GetProperty("code").GetString());
        Assert.Equal(507, (int)refusedCompatible.StatusCode);
        Assert.Equal("insufficient_storage", compatibleBody.GetProperty("code").GetString());

        // Space back, no restart: the job accepted before ends (resumed once its lease lapses, or failed with the storage code).
        disk.Free();
        var earlyJob = (await jobs.WaitTerminalAsync([early], TimeSpan.FromSeconds(120)))[early];
        output.WriteLine($"after space is back: {JobsClient.Status(earlyJob)} {JobsClient.ErrorCode(earlyJob)}");
        Assert.True(JobsClient.Status(earlyJob) == "succeeded" || JobsClient.ErrorCode(earlyJob) == "insufficient_storage", $"{earlyJob}");
        using var again = await jobs.CreateAsync("ppl", "holding a can", preferWait: 50);
        var recovered = await JobsClient.ReadJsonAsync(again);
        Assert.Equal("succeeded", JobsClient.Status(recovered));
        using (var result = await server.Http.GetAsync($"api/v1/jobs/{recovered.GetProperty("id").GetString()}/result"))
        {
            Assert.Equal(200, (int)result.StatusCode);
        }
        Assert.True(await server.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("ok", IntegrityCheck(Path.Combine(data, "toonstudio.db")));
    }

    [Fact]
    public async Task RunJob_BlobDiskFull_JobFailsWithInsufficientStorageThenRecovers()
    {
        using var folder = new TempFolder("blobsfull");
        var data = folder.Sub("data");
        using var disk = SmallDisk.Mount(Path.Combine(data, "blobs"), 8);
        await using var fakes = await FakeProvidersHost.StartAsync(new FakeProvidersOptions { Latency = TimeSpan.FromSeconds(3) });
        await using var server = await ServerProcess.StartAsync(FakeSettings.For(fakes.Urls, data), Path.Combine(folder.Path, "server.log"));
        var jobs = new JobsClient(server.Http);

        using var accepted = await jobs.CreateAsync("ppl", "holding a can");
        var early = (await JobsClient.ReadJsonAsync(accepted.EnsureSuccessStatusCode())).GetProperty("id").GetString()!;
        disk.Fill();
        // The job's inputs are stored, its database row can still be written, its result cannot.
        var earlyJob = (await jobs.WaitTerminalAsync([early], TimeSpan.FromSeconds(60)))[early];
        output.WriteLine($"job accepted before the blob disk filled: {JobsClient.Status(earlyJob)} {JobsClient.ErrorCode(earlyJob)}");

        Assert.Equal("failed", JobsClient.Status(earlyJob));
        Assert.Equal("insufficient_storage", JobsClient.ErrorCode(earlyJob));

        disk.Free();
        using var again = await jobs.CreateAsync("ppl", "holding a can", preferWait: 50);
        Assert.Equal("succeeded", JobsClient.Status(await JobsClient.ReadJsonAsync(again)));
    }

    private static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
