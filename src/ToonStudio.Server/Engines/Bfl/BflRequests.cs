using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Engines.Bfl;

/// <summary>Maps a job onto FluxKontextProInputs: goods use one image, PPL adds the product as input_image_2.</summary>
public static class BflRequests
{
    public static BflSubmitRequest Build(Job job, IReadOnlyList<EngineInput> inputs)
    {
        if (inputs.Count == 0 || (job.Kind == JobKind.Ppl && inputs.Count < 2))
        {
            throw new ToonStudioException(ErrorCode.InvalidParameter, "BFL needs the job's input images.", "input_image");
        }
        return new BflSubmitRequest(
            ProviderPrompt.For(job),
            Convert.ToBase64String(inputs[0].Png),
            job.Kind == JobKind.Ppl ? Convert.ToBase64String(inputs[1].Png) : null,
            job.Parameters.Seed,
            AspectRatio(job.Parameters.AspectRatio, inputs[0]),
            // BFL says jpeg, not jpg, and has no webp: ask PNG and let the server transcode.
            ProviderPrompt.WantsJpeg(job) ? "jpeg" : "png",
            PromptUpsampling: false,
            ProviderPrompt.SafetyTolerance(job));
    }

    /// <summary>BFL takes free-form W:H (21:9 … 9:21) and has no match_input_image: use the first input's shape.</summary>
    public static string AspectRatio(string requested, EngineInput first)
    {
        if (requested != "match_input_image")
        {
            return requested;
        }
        if (first.Width <= 0 || first.Height <= 0)
        {
            return "1:1";
        }
        var ratio = Math.Clamp((double)first.Width / first.Height, 9.0 / 21, 21.0 / 9);
        // Expressed over 1000 keeps it exact enough and always within the range.
        var w = (int)Math.Round(ratio * 1000);
        var d = Gcd(w, 1000);
        return $"{w / d}:{1000 / d}";
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
