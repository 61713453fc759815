using System.Globalization;
using System.Security.Cryptography;
using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using F = ToonStudio.Server.Generation.GenerationFields;

namespace ToonStudio.Server.Generation;

/// <summary>Validates the form fields at the edge, before any decoding or spending: each error names its field.</summary>
public static class GenerationRequestParser
{
    public static GenerationRequest Parse(MultipartForm form, JobKind kind, GenerationOptions options, bool batch = false)
    {
        var descriptor = JobKindDescriptor.Of(kind);
        var images = descriptor.InputFields.Select(field => RequireImage(form, field)).ToArray();
        var goodsTypes = descriptor.TakesGoodsTypes ? GoodsTypes(form, options, batch) : [];
        var prompt = (form.Text(F.Prompt) ?? "").Trim();
        if (prompt.Length == 0 && descriptor.PromptRequired)
        {
            throw ToonStudioException.Invalid(F.Prompt, "a non-empty text", "비어 있지 않은 텍스트");
        }
        if (prompt.Length > options.MaxPromptLength)
        {
            throw ToonStudioException.Invalid(F.Prompt, $"at most {options.MaxPromptLength} characters", $"최대 {options.MaxPromptLength}자");
        }
        var rawSeed = (form.Text(F.Seed) ?? "").Trim();
        var parameters = new JobParameters(
            Prompt: prompt,
            AspectRatio: OneOf(form, F.AspectRatio, OutputCatalogue.AspectRatios, OutputCatalogue.MatchInput),
            OutputFormat: OutputFormatOf(form),
            SafetyTolerance: SafetyTolerance(form),
            Seed: rawSeed.Length == 0 ? RandomNumberGenerator.GetInt32(0, int.MaxValue) : Seed(rawSeed),
            GoodsType: goodsTypes.FirstOrDefault(),
            GoodsColor: GoodsColor(form, goodsTypes));
        var engine = form.Text(F.Engine)?.Trim();
        return new GenerationRequest(kind, string.IsNullOrEmpty(engine) ? null : engine, parameters, images, goodsTypes, rawSeed);
    }

    private static ImageUpload RequireImage(MultipartForm form, string field) =>
        form.Files.TryGetValue(field, out var bytes)
            ? new ImageUpload(field, bytes)
            : throw ToonStudioException.Invalid(field, "an image file (PNG, JPEG or WebP)", "이미지 파일 (PNG, JPEG 또는 WebP)");

    private static string OneOf(MultipartForm form, string field, IReadOnlyList<string> allowed, string fallback)
    {
        var value = form.Text(field)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        return match ?? throw ToonStudioException.Invalid(field, string.Join(", ", allowed));
    }

    /// <summary>The one place a request's <c>output_format</c> string becomes an <see cref="OutputFormat"/>; PNG when absent.</summary>
    private static OutputFormat OutputFormatOf(MultipartForm form)
    {
        var value = form.Text(F.OutputFormat)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return OutputFormat.Png;
        }
        return OutputCatalogue.TryParseOutputFormat(value, out var format)
            ? format
            : throw ToonStudioException.Invalid(F.OutputFormat, string.Join(", ", OutputCatalogue.AcceptedOutputFormats));
    }

    private static int SafetyTolerance(MultipartForm form)
    {
        var value = form.Text(F.SafetyTolerance)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return 2;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 2
            ? n
            : throw ToonStudioException.Invalid(F.SafetyTolerance, "0, 1, 2");
    }

    private static long Seed(string raw) =>
        long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) && seed <= int.MaxValue
            ? seed
            : throw ToonStudioException.Invalid(F.Seed, $"an integer from 0 to {int.MaxValue}", $"0부터 {int.MaxValue}까지의 정수");

    private static List<string> GoodsTypes(MultipartForm form, GenerationOptions options, bool batch)
    {
        var raw = form.TextValues(F.GoodsType).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (raw.Count == 0)
        {
            raw.Add(options.DefaultGoodsType);
        }
        if (!batch && raw.Count > 1)
        {
            throw ToonStudioException.Invalid(F.GoodsType, "one goods type (use /api/v1/goods/batch for several)", "굿즈 종류 하나 (여러 개는 /api/v1/goods/batch)");
        }
        if (raw.Count > options.MaxBatchSize)
        {
            throw ToonStudioException.Invalid(F.GoodsType, $"at most {options.MaxBatchSize} goods types", $"굿즈 종류 최대 {options.MaxBatchSize}개");
        }
        var known = GoodsCatalog.All.Select(t => t.Id).ToList();
        var types = raw.Select(t => t.ToLowerInvariant()).Distinct().ToList();
        foreach (var type in types.Where(t => !known.Contains(t)))
        {
            throw ToonStudioException.Invalid(F.GoodsType, string.Join(", ", known));
        }
        return types;
    }

    private static string? GoodsColor(MultipartForm form, IReadOnlyList<string> goodsTypes)
    {
        var color = form.Text(F.GoodsColor)?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(color) || goodsTypes.Count == 0)
        {
            return null;
        }
        // In a batch the colour applies to the types that have it; each single type must have it.
        var colors = goodsTypes.SelectMany(t => GoodsCatalog.Find(t)?.Colors ?? []).Select(c => c.Id).Distinct().ToList();
        return colors.Contains(color) ? color : throw ToonStudioException.Invalid(F.GoodsColor, string.Join(", ", colors));
    }
}
