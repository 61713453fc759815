using Microsoft.Extensions.Options;
using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Engines.Remote;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Engines.Replicate;

/// <summary>Maps a job onto the model's input schema (docs/providers.md §1.5) and passes the images inline or by upload.</summary>
public sealed class ReplicateInputs(ReplicateClient client, IOptionsMonitor<ReplicateOptions> options)
{
    public string ModelFor(Job job) => job.Kind == JobKind.Ppl ? options.CurrentValue.PplModel : options.CurrentValue.GoodsModel;

    public async Task<ReplicateCreateRequest> BuildAsync(Job job, IReadOnlyList<EngineInput> inputs, CancellationToken ct)
    {
        var model = ModelFor(job);
        var multi = model.StartsWith("flux-kontext-apps/", StringComparison.Ordinal);
        string[] fields = multi ? ["input_image_1", "input_image_2"] : ["input_image"];
        if (inputs.Count < fields.Length)
        {
            throw new ToonStudioException(ErrorCode.InvalidParameter, $"{model} needs {fields.Length} input images.", "input_image");
        }
        var input = new Dictionary<string, object>
        {
            ["prompt"] = ProviderSettings.For(job),
            ["aspect_ratio"] = OutputCatalogue.IsKnownAspectRatio(job.Parameters.AspectRatio) ? job.Parameters.AspectRatio : OutputCatalogue.MatchInput,
            // Replicate says jpg, not jpeg, and has no webp (a 422): ask PNG and let the server transcode.
            ["output_format"] = ProviderSettings.WantsJpeg(job) ? "jpg" : "png",
            ["safety_tolerance"] = ProviderSettings.SafetyTolerance(job),
            ["seed"] = job.Parameters.Seed,
        };
        for (var i = 0; i < fields.Length; i++)
        {
            input[fields[i]] = await ImageValueAsync(job, inputs[i], i + 1, ct);
        }
        return new ReplicateCreateRequest(input);
    }

    private async Task<string> ImageValueAsync(Job job, EngineInput image, int index, CancellationToken ct)
    {
        if (image.Png.Length <= options.CurrentValue.InlineMaxBytes)
        {
            return DataUri.Encode(image.Png, "image/png");
        }
        var file = await client.UploadAsync(image.Png, $"{job.Id}-{index}.png", ct);
        return file.Urls?.Get ?? throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "Replicate's Files API returned no URL for an upload.");
    }
}
