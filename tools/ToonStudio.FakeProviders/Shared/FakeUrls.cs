namespace ToonStudio.FakeProviders;

/// <summary>The base URLs of the five fake hosts (no trailing slash).</summary>
public sealed record FakeUrls(Uri ReplicateApi, Uri ReplicateFiles, Uri BflApi, Uri BflRegional, Uri BflDelivery)
{
    public static string Join(Uri baseUrl, string path) => baseUrl.ToString().TrimEnd('/') + "/" + path.TrimStart('/');
}
