using ToonStudio.Imaging;
using ToonStudio.Imaging.Goods;
using ToonStudio.Server.Core;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>
/// What both providers are sent for a job: the prompt (goods jobs lead with the catalog's tuned English prompt for
/// their type and add the user's words as the specific request), the clamped safety tolerance and the output format.
/// </summary>
public static class ProviderSettings
{
    public static string For(EngineRequest request)
    {
        var user = request.Parameters.Prompt.Trim();
        if (request.Kind != JobKind.Goods || request.Parameters.GoodsType is not { } type || GoodsCatalog.Find(type) is not { } goods)
        {
            return user;
        }
        return user.Length == 0 ? goods.PromptEn : $"{goods.PromptEn} Additional request: {user}";
    }

    /// <summary>Both providers take 0 (strict) – 2 (permissive) when input images are given; never send more.</summary>
    public static int SafetyTolerance(JobParameters parameters) => Math.Clamp(parameters.SafetyTolerance, 0, 2);

    /// <summary>Both providers make JPEG or PNG only; WebP is asked as PNG and transcoded by the server.</summary>
    public static bool WantsJpeg(JobParameters parameters) => parameters.OutputFormat == OutputFormat.Jpeg;
}
