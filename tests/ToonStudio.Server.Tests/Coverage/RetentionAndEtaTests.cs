using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Tests.Coverage;

/// <summary>The retention sweep and the ETA estimate, on a fake clock against the real SQLite store and folder blobs.</summary>
public sealed class RetentionAndEtaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Job Finished(DateTimeOffset completed, JobStatus status = JobStatus.Succeeded, TimeSpan? took = null, JobKind kind = JobKind.Goods, string engine = "local") => new()
    {
        Id = JobIds.New(),
        Kind = kind,
        Engine = engine,
        Parameters = new JobParameters("a cat", "1:1", OutputFormat.Png, 2, 42, kind == JobKind.Goods ? "mug" : null),
        CreatedAt = completed - (took ?? TimeSpan.FromSeconds(10)) - TimeSpan.FromSeconds(1),
        Deadline = completed.AddMinutes(2),
        InputCount = 1,
        Status = status,
        StartedAt = completed - (took ?? TimeSpan.FromSeconds(10)),
        CompletedAt = completed,
    };

    private static async Task<Job> AddAsync(IServiceProvider services, Job job)
    {
        var store = services.GetRequiredService<IJobStore>();
        var created = await store.CreateAsync(job with { Status = JobStatus.Queued, StartedAt = null, CompletedAt = null }, CancellationToken.None);
        Assert.True(created.Created);
        Assert.True(await store.UpdateAsync(job, CancellationToken.None));
        await services.GetRequiredService<IBlobStore>().PutAsync(JobBlobs.Input(job.Id, 1), new byte[] { 1, 2, 3 }, "image/png", CancellationToken.None);
        return job;
    }

    [Fact]
    public async Task Sweep_DeletesTerminalJobsAndTheirFilesPastRetention_KeepsYoungerAndUnfinishedOnes()
    {
        var time = new FakeTimeProvider(T0);
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Generation:Retention"] = "1.00:00:00" }, ToonStudioApplication.WithTime(time));
        using var client = app.CreateClient();
        var services = app.Services;
        var old = await AddAsync(services, Finished(T0 - TimeSpan.FromDays(2)));
        var oldFailed = await AddAsync(services, Finished(T0 - TimeSpan.FromHours(25), JobStatus.Failed));
        var young = await AddAsync(services, Finished(T0 - TimeSpan.FromHours(23)));
        var sweeper = services.GetServices<IHostedService>().OfType<JobRetentionService>().Single();

        await sweeper.SweepAsync(CancellationToken.None);

        var store = services.GetRequiredService<IJobStore>();
        var blobs = services.GetRequiredService<IBlobStore>();
        Assert.Null(await store.GetAsync(old.Id, CancellationToken.None));
        Assert.Null(await store.GetAsync(oldFailed.Id, CancellationToken.None));
        Assert.Null(await blobs.ReadAllAsync(JobBlobs.Input(old.Id, 1), CancellationToken.None));
        Assert.NotNull(await store.GetAsync(young.Id, CancellationToken.None));
        Assert.NotNull(await blobs.ReadAllAsync(JobBlobs.Input(young.Id, 1), CancellationToken.None));

        // Two hours on the fake clock: the younger job has passed its day too.
        time.Advance(TimeSpan.FromHours(2));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Null(await store.GetAsync(young.Id, CancellationToken.None));
        Assert.Null(await blobs.ReadAllAsync(JobBlobs.Input(young.Id, 1), CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_RemovesMoreThanOnePageOfExpiredJobs()
    {
        var time = new FakeTimeProvider(T0);
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Generation:Retention"] = "1.00:00:00" }, ToonStudioApplication.WithTime(time));
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IJobStore>();
        for (var i = 0; i < 205; i++)
        {
            var job = Finished(T0 - TimeSpan.FromDays(3) + TimeSpan.FromSeconds(i));
            await store.CreateAsync(job with { Status = JobStatus.Queued, StartedAt = null, CompletedAt = null }, CancellationToken.None);
            await store.UpdateAsync(job, CancellationToken.None);
        }
        var sweeper = app.Services.GetServices<IHostedService>().OfType<JobRetentionService>().Single();

        await sweeper.SweepAsync(CancellationToken.None);

        Assert.Empty(await store.ListExpiredAsync(time.GetUtcNow(), 10, CancellationToken.None));
        Assert.Empty(await store.ListAsync(new JobQuery(null, null, 10, null), CancellationToken.None));
    }

    [Fact]
    public async Task Eta_IsTheMedianOfRecentSuccessesMinusTimeSpent_PerKindAndEngine_AndNullWhenUnknownOrTerminal()
    {
        var time = new FakeTimeProvider(T0);
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithTime(time));
        using var client = app.CreateClient();
        foreach (var seconds in new[] { 10, 40, 20 })
        {
            await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(5), took: TimeSpan.FromSeconds(seconds)));
        }
        // A failure and another kind do not count.
        await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(5), JobStatus.Failed, TimeSpan.FromSeconds(500)));
        await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(5), took: TimeSpan.FromSeconds(300), kind: JobKind.Ppl));
        var eta = new EtaEstimator(app.Services.GetRequiredService<IJobStore>(), time);
        var running = Finished(T0) with { Status = JobStatus.Running, StartedAt = T0 - TimeSpan.FromSeconds(5), CompletedAt = null };

        Assert.Equal(TimeSpan.FromSeconds(20), await eta.MedianAsync(JobKind.Goods, "local", CancellationToken.None));
        Assert.Equal(15.0, await eta.SecondsLeftAsync(running, CancellationToken.None));
        Assert.Equal(20.0, await eta.SecondsLeftAsync(running with { Status = JobStatus.Queued, StartedAt = null }, CancellationToken.None));
        Assert.Equal(0.0, await eta.SecondsLeftAsync(running with { StartedAt = T0 - TimeSpan.FromMinutes(1) }, CancellationToken.None));
        Assert.Null(await eta.SecondsLeftAsync(running with { Status = JobStatus.Succeeded, CompletedAt = T0 }, CancellationToken.None));
        Assert.Null(await eta.SecondsLeftAsync(running with { Engine = "bfl" }, CancellationToken.None));
    }

    [Fact]
    public async Task Eta_MedianIsCachedFor15Seconds_ThenReadAgain()
    {
        var time = new FakeTimeProvider(T0);
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithTime(time));
        using var client = app.CreateClient();
        await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(5), took: TimeSpan.FromSeconds(10)));
        var eta = new EtaEstimator(app.Services.GetRequiredService<IJobStore>(), time);
        Assert.Equal(TimeSpan.FromSeconds(10), await eta.MedianAsync(JobKind.Goods, "local", CancellationToken.None));

        await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(4), took: TimeSpan.FromSeconds(30)));
        await AddAsync(app.Services, Finished(T0 - TimeSpan.FromMinutes(3), took: TimeSpan.FromSeconds(30)));
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.Equal(TimeSpan.FromSeconds(10), await eta.MedianAsync(JobKind.Goods, "local", CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(30), await eta.MedianAsync(JobKind.Goods, "local", CancellationToken.None));
    }
}
