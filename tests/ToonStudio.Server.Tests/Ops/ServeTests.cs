using System.Net;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Ops;

/// <summary><c>ToonStudio:Serve</c>: a goods-only Deployment refuses PPL work with a message naming where it belongs.</summary>
public sealed class ServeTests
{
    [Fact]
    public async Task CreatePplJob_ServeGoodsOnly_Answers404NamingThePplDeployment()
    {
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Serve"] = "goods" },
            ToonStudioApplication.WithEngine(new ScriptedEngine("local", ScriptedEngine.Outcome.Succeed)));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var ppl = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl());
        using var goods = await client.PostAsync("/api/goods-gen/generate", Forms.Goods());

        Assert.Equal(HttpStatusCode.NotFound, ppl.StatusCode);
        var problem = await ppl.JsonAsync();
        Assert.Equal("not_found", problem.Str("code"));
        Assert.Contains("belongs to the ppl Deployment", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, goods.StatusCode);
    }

    [Fact]
    public void Start_ServeNamesUnknownGenerator_RefusesToStart()
    {
        using var app = new ToonStudioApplication(new Dictionary<string, string?> { ["ToonStudio:Serve"] = "ppl,stickers" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ToonStudio:Serve must be ppl, goods or ppl,goods", error.ToString(), StringComparison.Ordinal);
    }
}
