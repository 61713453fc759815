using System.Net.Http.Headers;
using System.Text;

namespace ToonStudio.Server.Tests.Hostile.Corpus;

/// <summary>
/// The hostile-input corpus, made in code on first use (nothing binary is committed): damaged, lying and unusual
/// images posted as <c>input_image</c> to <c>POST /api/v1/goods</c>, and abusive multipart requests. The in-process
/// test and the RSS driver (bench/ToonStudio.HostileDriver) send the same cases.
/// </summary>
public static partial class HostileCorpus
{
    public const string Path = "/api/v1/goods";

    private static readonly Lazy<IReadOnlyList<HostileCase>> Cases = new(() => [.. ImageCases(), .. MultipartCases()]);

    public static IReadOnlyList<HostileCase> All => Cases.Value;

    /// <summary>A goods job request carrying <paramref name="image"/> as input_image under <paramref name="fileName"/>.</summary>
    public static HttpRequestMessage Upload(byte[] image, string fileName = "character.png", string contentType = "image/png")
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("hostile input"), "prompt");
        form.Add(new StringContent("sticker"), "goods_type");
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "input_image", fileName);
        return new HttpRequestMessage(HttpMethod.Post, Path) { Content = form };
    }

    private static HostileCase Image(string category, string name, byte[] bytes, params string[] allowed) =>
        new($"{category}: {name}", category, () => Upload(bytes), allowed);

    /// <summary>Fetches the stored (normalised) first input of the job the answer names.</summary>
    public static async Task<byte[]> StoredInputAsync(HttpClient client, HttpResponseMessage response)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return await client.GetByteArrayAsync($"/api/v1/jobs/{json["id"]!.GetValue<string>()}/inputs/1");
    }

    private static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
