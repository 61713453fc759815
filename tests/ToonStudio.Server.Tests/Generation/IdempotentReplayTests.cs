using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops.Metrics;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Folder;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Generation;

/// <summary>
/// An Idempotency-Key replay is answered from the store before intake: nothing decoded, nothing written or deleted;
/// and intake's sizes reach the engine on the job instead of being parsed again from the stored PNG.
/// </summary>
public sealed class IdempotentReplayTests
{
    [Fact]
    public async Task Replay_SameKeySameBody_ReturnsTheJobWithoutDecodingOrWriting()
    {
        var engine = new ControlledEngine();
        var blobs = new CountingBlobStores();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), blobs.Install));
        using var client = app.CreateClient();
        using var uploads = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ToonStudioMetrics.MeterName, "toonstudio_upload_size");
        var image = TestImages.Png();

        using var first = await PostAsync(client, Forms.Goods(character: image), "replay-1");
        var id = (await first.JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (putsBefore, deletesBefore, decodesBefore) = (blobs.Puts, blobs.Deletes, uploads.GetMeasurementSnapshot().Count);

        using var replay = await PostAsync(client, Forms.Goods(character: image), "replay-1");
        var (putsAfter, deletesAfter, decodesAfter) = (blobs.Puts, blobs.Deletes, uploads.GetMeasurementSnapshot().Count);
        engine.Release.SetResult();
        await client.WaitForJobAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(id, (await replay.JsonAsync()).Str("id"));
        Assert.Equal((1, 0, 1), (putsBefore, deletesBefore, decodesBefore)); // the first request: one input stored, one decode
        Assert.Equal((putsBefore, deletesBefore, decodesBefore), (putsAfter, deletesAfter, decodesAfter));
        Assert.Equal(1, engine.Calls);
    }

    [Fact]
    public async Task Replay_SameKeyOtherBody_Answers409WithoutDecodingOrWriting()
    {
        var blobs = new CountingBlobStores();
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.Combine(ToonStudioApplication.WithEngine(engine), blobs.Install));
        using var client = app.CreateClient();
        using var uploads = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ToonStudioMetrics.MeterName, "toonstudio_upload_size");

        using var first = await PostAsync(client, Forms.Goods(goodsType: "mug"), "replay-2");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (puts, deletes, decodes) = (blobs.Puts, blobs.Deletes, uploads.GetMeasurementSnapshot().Count);

        using var other = await PostAsync(client, Forms.Goods(goodsType: "poster"), "replay-2");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("idempotency_conflict", (await other.JsonAsync()).Str("code"));
        Assert.Equal((puts, deletes, decodes), (blobs.Puts, blobs.Deletes, uploads.GetMeasurementSnapshot().Count));
        engine.Release.SetResult();
    }

    [Fact]
    public async Task Job_CarriesIntakeSizes_TheEngineGetsThemAsStored()
    {
        var engine = new ControlledEngine();
        using var app = new ToonStudioApplication(services: ToonStudioApplication.WithEngine(engine));
        using var client = app.CreateClient();

        // Within the engine's 1024 edge, so intake keeps each image's size.
        using var created = await client.PostAsync("/api/v1/ppl", Forms.Ppl(character: TestImages.Png(320, 480), product: TestImages.Png(200, 120)));
        var id = (await created.JsonAsync()).Str("id");
        await engine.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var job = await app.Services.GetRequiredService<IJobStore>().GetAsync(id, CancellationToken.None);
        engine.Release.SetResult();
        await client.WaitForJobAsync(id);

        Assert.NotNull(job);
        Assert.Equal([new ImageSize(320, 480), new ImageSize(200, 120)], job.InputSizes);
        Assert.Equal([(320, 480), (200, 120)], engine.Inputs.Select(i => (i.Width, i.Height)));
    }

    [Fact]
    public async Task LoadInputs_JobStoredBeforeSizesWereKept_ReadsThemFromTheStoredPng()
    {
        var folder = Path.Combine(Path.GetTempPath(), "toonstudio-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var blobs = new FolderBlobStore(Options.Create(new ToonStudioOptions { DataPath = folder }));
            await blobs.InitializeAsync(CancellationToken.None);
            await blobs.PutAsync(JobBlobs.Input("old", 1), TestImages.Png(96, 64), "image/png", CancellationToken.None);
            var job = new Job
            {
                Id = "old",
                Kind = JobKind.Goods,
                Engine = "local",
                Parameters = new JobParameters("", "1:1", OutputFormat.Png, 2, 7, "mug"),
                CreatedAt = DateTimeOffset.UnixEpoch,
                Deadline = DateTimeOffset.UnixEpoch.AddMinutes(2),
                InputCount = 1,
            };

            var inputs = await new JobFiles(blobs).LoadInputsAsync(job, CancellationToken.None);

            Assert.Equal((96, 64), (Assert.Single(inputs).Width, inputs[0].Height));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/goods") { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Puts the app's folder blob store behind a decorator that counts the writes and deletes it is asked for.</summary>
    private sealed class CountingBlobStores
    {
        private int _puts;
        private int _deletes;

        public int Puts => Volatile.Read(ref _puts);
        public int Deletes => Volatile.Read(ref _deletes);

        public void Install(IServiceCollection services)
        {
            services.TryAddSingleton<FolderBlobStore>();
            services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp => new Counting(sp.GetRequiredService<FolderBlobStore>(), this)));
        }

        private sealed class Counting(IBlobStore inner, CountingBlobStores counts) : IBlobStore
        {
            public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

            public Task<BlobInfo> PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
            {
                Interlocked.Increment(ref counts._puts);
                return inner.PutAsync(key, content, contentType, ct);
            }

            public Task<BlobContent?> OpenReadAsync(string key, CancellationToken ct) => inner.OpenReadAsync(key, ct);

            public Task<byte[]?> ReadAllAsync(string key, CancellationToken ct) => inner.ReadAllAsync(key, ct);

            public Task<int> DeletePrefixAsync(string prefix, CancellationToken ct)
            {
                Interlocked.Increment(ref counts._deletes);
                return inner.DeletePrefixAsync(prefix, ct);
            }

            public Task<bool> PingAsync(CancellationToken ct) => inner.PingAsync(ct);
        }
    }
}
