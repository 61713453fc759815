using System.Net;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Generation;

/// <summary>Every field's validation: the right status, the catalog code, the field's name — never a 5xx.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly ToonStudioApplication _app = new();

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string?, string> BadFields => new()
    {
        { "prompt", null, "prompt" },
        { "prompt", "   ", "prompt" },
        { "prompt", new string('가', 2001), "prompt" },
        { "aspect_ratio", "7:5", "aspect_ratio" },
        { "aspect_ratio", "square", "aspect_ratio" },
        { "safety_tolerance", "3", "safety_tolerance" },
        { "safety_tolerance", "-1", "safety_tolerance" },
        { "safety_tolerance", "two", "safety_tolerance" },
        { "seed", "abc", "seed" },
        { "seed", "1.5", "seed" },
        { "seed", "-3", "seed" },
        { "seed", "99999999999999999999", "seed" },
        { "output_format", "gif", "output_format" },
        { "engine", "dall-e", "engine" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task GeneratePpl_BadField_Answers400NamingTheField(string field, string? value, string expectedField)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(fields: new Dictionary<string, string?> { [field] = value }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("invalid_parameter", problem.Str("code"));
        Assert.Equal(expectedField, problem.Str("field"));
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Contains(expectedField, problem.Str("error"), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("input_image_1")]
    [InlineData("input_image_2")]
    public async Task GeneratePpl_MissingImage_Answers400NamingTheField(string missing)
    {
        var files = new Dictionary<string, byte[]> { ["input_image_1"] = TestImages.Png(), ["input_image_2"] = TestImages.Png() };
        files.Remove(missing);
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Build(files, new Dictionary<string, string> { ["prompt"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(missing, (await response.JsonAsync()).Str("field"));
    }

    [Fact]
    public async Task GenerateGoods_UnknownGoodsType_Answers400()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(goodsType: "spaceship"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("goods_type", (await response.JsonAsync()).Str("field"));
    }

    [Theory]
    [InlineData("replicate", "REPLICATE_API_TOKEN")]
    [InlineData("bfl", "BFL_API_KEY")]
    public async Task GeneratePpl_RemoteEngineWithoutKey_Answers503NamingTheVariable(string engine, string variable)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(fields: new Dictionary<string, string?> { ["engine"] = engine }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("engine_not_configured", problem.Str("code"));
        Assert.Contains(variable, problem.Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_AcceptLanguageEnglish_AnswerInEnglish_DefaultKorean()
    {
        using var client = _app.CreateClient();
        using var korean = await client.PostAsync("/api/ppl-gen/generate", Forms.Ppl(fields: new Dictionary<string, string?> { ["safety_tolerance"] = "3" }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppl-gen/generate")
        {
            Content = Forms.Ppl(fields: new Dictionary<string, string?> { ["safety_tolerance"] = "3" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        using var english = await client.SendAsync(request);

        Assert.Contains("올바르지 않습니다", (await korean.JsonAsync()).Str("error"), StringComparison.Ordinal);
        Assert.Contains("is not valid", (await english.JsonAsync()).Str("error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_MissingImage_DescribeWhatIsAllowedInTheAnswersLanguage()
    {
        using var client = _app.CreateClient();
        MultipartFormDataContent ProductOnly() => Forms.Build(new Dictionary<string, byte[]> { ["input_image_2"] = TestImages.Png() },
            new Dictionary<string, string> { ["prompt"] = "x" });
        using var korean = await client.PostAsync("/api/ppl-gen/generate", ProductOnly());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ppl-gen/generate") { Content = ProductOnly() };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var english = await client.SendAsync(request);

        var koreanBody = await korean.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, korean.StatusCode);
        Assert.Equal("input_image_1", koreanBody.Str("field"));
        Assert.Equal("'input_image_1' 값이 올바르지 않습니다. 허용되는 값: 이미지 파일 (PNG, JPEG 또는 WebP)", koreanBody.Str("error"));
        Assert.Equal("'input_image_1' is not valid. Allowed: an image file (PNG, JPEG or WebP)", (await english.JsonAsync()).Str("error"));
    }

    [Fact]
    public async Task Generate_NotMultipart_Answers400()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync("/api/ppl-gen/generate", new StringContent("{\"prompt\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("body", (await response.JsonAsync()).Str("field"));
    }
}
