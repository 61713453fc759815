using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>Maps a request onto the model's input schema (docs/providers.md §1.5) and passes the images inline or by upload.</summary>
public sealed class ReplicateInputs(ReplicateClient client, IOptionsMonitor<ReplicateOptions> options)
{
    public string ModelFor(JobKind kind) => kind == JobKind.Ppl ? options.CurrentValue.PplModel : options.CurrentValue.GoodsModel;

    public async Task<ReplicateCreateRequest> BuildAsync(EngineRequest request, CancellationToken ct)
    {
        var inputs = request.Inputs;
        var p = request.Parameters;
        var model = ModelFor(request.Kind);
        var multi = model.StartsWith("flux-kontext-apps/", StringComparison.Ordinal);
        string[] fields = multi ? ["input_image_1", "input_image_2"] : ["input_image"];
        if (inputs.Count < fields.Length)
        {
            throw new ToonStudioException(ErrorCode.InvalidParameter, $"{model} needs {fields.Length} input images.", "input_image");
        }
        var input = new Dictionary<string, object>
        {
            ["prompt"] = ProviderSettings.For(request),
            ["aspect_ratio"] = OutputCatalogue.IsKnownAspectRatio(p.AspectRatio) ? p.AspectRatio : OutputCatalogue.MatchInput,
            // Replicate says jpg, not jpeg, and has no webp (a 422): ask PNG and let the server transcode.
            ["output_format"] = ProviderSettings.WantsJpeg(p) ? "jpg" : "png",
            ["safety_tolerance"] = ProviderSettings.SafetyTolerance(p),
            ["seed"] = p.Seed,
        };
        for (var i = 0; i < fields.Length; i++)
        {
            input[fields[i]] = await ImageValueAsync(request.JobId, inputs[i], i + 1, ct);
        }
        return new ReplicateCreateRequest(input);
    }

    private async Task<string> ImageValueAsync(string jobId, EngineInput image, int index, CancellationToken ct)
    {
        if (image.Png.Length <= options.CurrentValue.InlineMaxBytes)
        {
            return DataUri.Encode(image.Png, "image/png");
        }
        var file = await client.UploadAsync(image.Png, $"{jobId}-{index}.png", ct);
        return file.Urls?.Get ?? throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "Replicate's Files API returned no URL for an upload.");
    }
}
