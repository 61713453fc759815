using ToonStudio.FakeProviders;

namespace ToonStudio.Reliability.Tests.Infrastructure;

/// <summary>Server settings that point both remote engines at the fakes and keep the data in <paramref name="dataPath"/>.</summary>
public static class FakeSettings
{
    public static Dictionary<string, string> For(FakeUrls fakes, string dataPath) => new()
    {
        ["ToonStudio:DataPath"] = dataPath,
        ["REPLICATE_API_TOKEN"] = "r8_fake",
        ["BFL_API_KEY"] = "bfl_fake",
        ["ToonStudio:Engines:Ppl"] = "replicate",
        ["ToonStudio:Engines:Goods"] = "replicate",
        ["ToonStudio:Replicate:BaseUrl"] = Base(fakes.ReplicateApi),
        ["ToonStudio:Bfl:BaseUrl"] = Base(fakes.BflApi),
        ["ToonStudio:Bfl:PollingHosts:0"] = Base(fakes.BflRegional),
        ["ToonStudio:Bfl:PollingHosts:1"] = Base(fakes.BflApi),
        ["ToonStudio:Downloads:AllowedHosts:0"] = Base(fakes.ReplicateFiles),
        ["ToonStudio:Downloads:AllowedHosts:1"] = Base(fakes.BflDelivery),
        ["ToonStudio:Downloads:AllowedHosts:2"] = Base(fakes.ReplicateApi),
    };

    private static string Base(Uri uri) => uri.ToString().TrimEnd('/');
}
