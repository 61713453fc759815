using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>Maps a request onto FluxKontextProInputs: goods use one image, PPL adds the product as input_image_2.</summary>
public static class BflRequests
{
    public static BflSubmitRequest Build(EngineRequest request)
    {
        var inputs = request.Inputs;
        var p = request.Parameters;
        if (inputs.Count == 0 || (request.Kind == JobKind.Ppl && inputs.Count < 2))
        {
            throw new ToonStudioException(ErrorCode.InvalidParameter, "BFL needs the job's input images.", "input_image");
        }
        return new BflSubmitRequest(
            ProviderSettings.For(request),
            Convert.ToBase64String(inputs[0].Png),
            request.Kind == JobKind.Ppl ? Convert.ToBase64String(inputs[1].Png) : null,
            p.Seed,
            AspectRatio(p.AspectRatio, inputs[0]),
            // BFL says jpeg, not jpg, and has no webp: ask PNG and let the server transcode.
            ProviderSettings.WantsJpeg(p) ? "jpeg" : "png",
            PromptUpsampling: false,
            ProviderSettings.SafetyTolerance(p));
    }

    /// <summary>
    /// BFL takes free-form W:H (21:9 … 9:21) and has no match_input_image: use the common ratio nearest the first
    /// input's shape (in log space, so 2:1 and 1:2 are equally far from 1:1), which also keeps it inside BFL's range.
    /// </summary>
    public static string AspectRatio(string requested, EngineInput first)
    {
        if (requested != OutputCatalogue.MatchInput)
        {
            return requested;
        }
        if (first.Width <= 0 || first.Height <= 0)
        {
            return "1:1";
        }
        var target = Math.Log((double)first.Width / first.Height);
        return OutputCatalogue.FixedAspectRatios.MinBy(r => Math.Abs(Math.Log(OutputCatalogue.RatioValue(r)) - target)) ?? "1:1";
    }
}
