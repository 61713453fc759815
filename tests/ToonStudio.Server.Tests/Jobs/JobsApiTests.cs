using System.Net;
using System.Net.Http.Headers;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Jobs;

public sealed class JobsApiTests : IDisposable
{
    private readonly ToonStudioApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CreateGoodsJob_Answers202WithLocation_ThenSucceedsWithResultAndPrintFile()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/v1/goods", Forms.Goods(goodsType: "sticker"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.JsonAsync();
        var id = job.Str("id");
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location?.ToString());
        Assert.Equal(26, id.Length);

        var done = await client.WaitForJobAsync(id);
        Assert.Equal("succeeded", done.Str("status"));
        using var result = await client.GetAsync(done.Str("resultUrl"));
        Assert.Equal("image/png", result.Content.Headers.ContentType?.MediaType);
        var names = done["artifacts"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("print.png", names);
        Assert.Contains("cutline.svg", names);
        using var print = await client.GetAsync($"/api/v1/jobs/{id}/artifacts/print.png");
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
    }

    [Fact]
    public async Task CreatePplJob_PreferWait_AnswersFinishedJob()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ppl") { Content = Forms.Ppl() };
        request.Headers.Add("Prefer", "wait=30");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("succeeded", (await response.JsonAsync()).Str("status"));
        Assert.Equal("wait=30", response.Headers.GetValues("Preference-Applied").Single());
    }

    [Fact]
    public async Task GetJobResult_IfNoneMatch_Answers304AndCachesImmutably()
    {
        using var client = _app.CreateClient();
        using var created = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl());
        var id = created.Headers.GetValues("X-Job-Id").Single();
        using var first = await client.GetAsync($"/api/v1/jobs/{id}/result");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/result");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        Assert.Contains("immutable", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Contains(".png", first.Content.Headers.ContentDisposition?.FileName ?? first.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJobs_PagesNewestFirstWithCursor_AndFiltersByKind()
    {
        using var client = _app.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var r = await client.PostAsync("/api/v1/goods", Forms.Goods());
            ids.Add((await r.JsonAsync()).Str("id"));
        }
        using var ppl = await client.PostAsync("/api/v1/ppl", Forms.Ppl());

        var page1 = await (await client.GetAsync("/api/v1/jobs?kind=goods&limit=2")).JsonAsync();
        var page2 = await (await client.GetAsync($"/api/v1/jobs?kind=goods&limit=2&before={Uri.EscapeDataString(page1.Str("next"))}")).JsonAsync();

        var listed = page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Select(j => j!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), listed);
        Assert.Null(page2["next"]);
    }

    [Fact]
    public async Task DeleteJob_RemovesRowAndFiles()
    {
        using var client = _app.CreateClient();
        using var created = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(goodsType: "sticker"));
        var id = created.Headers.GetValues("X-Job-Id").Single();
        var folder = Path.Combine(_app.DataPath, "blobs", "jobs", id);
        Assert.True(Directory.Exists(folder));

        using var deleted = await client.DeleteAsync($"/api/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/jobs/{id}/result")).StatusCode);
    }

    [Fact]
    public async Task GetJob_UnknownId_Answers404Problem()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/api/v1/jobs/aaaaaaaaaaaaaaaaaaaaaaaaaa");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.JsonAsync()).Str("code"));
    }

    [Fact]
    public async Task CreateGoodsBatch_ThreeTypes_CreatesThreeJobsSharingABatch()
    {
        using var client = _app.CreateClient();
        var form = Forms.Goods(goodsType: "mug");
        form.Add(new StringContent("poster"), "goods_type");
        form.Add(new StringContent("button-badge"), "goods_type");
        using var response = await client.PostAsync("/api/v1/goods/batch", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        var jobs = body["jobs"]!.AsArray();
        Assert.Equal(3, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(body.Str("batchId"), j!["batchId"]!.GetValue<string>()));
        foreach (var job in jobs)
        {
            Assert.Equal("succeeded", (await client.WaitForJobAsync(job!["id"]!.GetValue<string>())).Str("status"));
        }
    }

    [Fact]
    public async Task Catalog_EnginesAndGoodsTypes_DescribeWhatIsUsable()
    {
        using var client = _app.CreateClient();
        var engines = await (await client.GetAsync("/api/v1/engines")).JsonAsync();
        var types = await (await client.GetAsync("/api/v1/goods/types")).JsonAsync();

        Assert.Equal("local", engines["defaults"]!["ppl"]!.GetValue<string>());
        Assert.Contains(engines["engines"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "replicate" && !e["configured"]!.GetValue<bool>());
        Assert.Equal(10, types["types"]!.AsArray().Count);
        Assert.Equal(5 * 1024 * 1024, engines["limits"]!["maxUploadBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Catalog_Engines_ListTheAspectRatiosAndOutputFormatsOfTheCatalogue()
    {
        using var client = _app.CreateClient();
        var engines = await (await client.GetAsync("/api/v1/engines")).JsonAsync();

        Assert.Equal(OutputCatalogue.AspectRatios, engines["aspectRatios"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("match_input_image", engines["aspectRatios"]![0]!.GetValue<string>());
        Assert.Equal(14, engines["aspectRatios"]!.AsArray().Count);
        Assert.Equal(["png", "jpeg", "webp"], engines["outputFormats"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Health_AndReadiness_AndOpenApi_Answer()
    {
        using var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/ppl-gen/generate", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/jobs/{id}/events", openApi, StringComparison.Ordinal);
    }
}
