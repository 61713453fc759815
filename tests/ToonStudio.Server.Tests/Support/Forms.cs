using System.Net.Http.Headers;

namespace ToonStudio.Server.Tests.Support;

/// <summary>Multipart bodies with the earlier web forms' field names.</summary>
public static class Forms
{
    public static MultipartFormDataContent Ppl(byte[]? character = null, byte[]? product = null, string prompt = "들고 있는 캐릭터, holding the product",
        IDictionary<string, string?>? fields = null) =>
        Build(new() { ["input_image_1"] = character ?? TestImages.Png(), ["input_image_2"] = product ?? TestImages.Png(200, 200) },
            Merge(new() { ["prompt"] = prompt, ["aspect_ratio"] = "1:1", ["output_format"] = "png", ["safety_tolerance"] = "2", ["seed"] = "42" }, fields));

    public static MultipartFormDataContent Goods(byte[]? character = null, string goodsType = "mug", IDictionary<string, string?>? fields = null) =>
        Build(new() { ["input_image"] = character ?? TestImages.Png() },
            Merge(new() { ["prompt"] = "cute mug design", ["goods_type"] = goodsType, ["aspect_ratio"] = "1:1", ["seed"] = "7", ["safety_tolerance"] = "2" }, fields));

    public static MultipartFormDataContent Build(Dictionary<string, byte[]> files, IDictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, name, name + ".png");
        }
        return content;
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> defaults, IDictionary<string, string?>? overrides)
    {
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                defaults.Remove(key);
            }
            else
            {
                defaults[key] = value;
            }
        }
        return defaults;
    }
}
