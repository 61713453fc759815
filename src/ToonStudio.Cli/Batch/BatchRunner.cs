using ToonStudio.Cli.Api;

namespace ToonStudio.Cli.Batch;

/// <summary>Makes one batch item: submit (idempotently), wait, download result and optional artifacts.</summary>
internal sealed class BatchRunner(ToonStudioClient client, BatchCommand.BatchSettings settings)
{
    /// <summary>Null when the item is done; else why it failed. <see cref="ServerUnreachableException"/> propagates (stops the batch).</summary>
    public async Task<string?> RunAsync(BatchItem item, CancellationToken ct)
    {
        var image = await File.ReadAllBytesAsync(item.CharacterFile, ct);
        var mediaType = ImageMagic.Extension(image) switch
        {
            "png" => "image/png",
            "jpg" => "image/jpeg",
            "webp" => "image/webp",
            _ => "application/octet-stream", // the server answers 415 unsupported_image, reported as a failure
        };
        using var form = new MultipartFormDataContent
        {
            { new StringContent(item.GoodsType), "goods_type" },
            { ToonStudioClient.ImageContent(image, mediaType), "input_image", Path.GetFileName(item.CharacterFile) },
        };
        if (settings.Engine is { } engine)
        {
            form.Add(new StringContent(engine), "engine");
        }

        if (settings.Prompt is { } prompt)
        {
            form.Add(new StringContent(prompt), "prompt");
        }

        try
        {
            var key = item.IdempotencyKey(image, settings.Engine, settings.Prompt);
            var job = await client.RunJobAsync("api/v1/goods", form, key, DateTimeOffset.UtcNow.AddSeconds(settings.TimeoutSeconds), ct);
            if (job.Status != "succeeded" || job.ResultUrl is null)
            {
                return job.IsTerminal ? $"job {job.Id} {job.Outcome}" : $"job {job.Id} still {job.Status} after {settings.TimeoutSeconds} s";
            }

            if (settings.PrintFiles)
            {
                foreach (var artifact in job.Artifacts ?? [])
                {
                    var (content, _) = await client.DownloadAsync(artifact.Url, ct);
                    await item.SaveAsync($"{item.GoodsType}.{Path.GetFileName(artifact.Name)}", content, ct);
                }
            }

            // The result last: its file is what marks the item done.
            var (bytes, _) = await client.DownloadAsync(job.ResultUrl, ct);
            await item.SaveAsync($"{item.GoodsType}.{ImageMagic.Extension(bytes) ?? "bin"}", bytes, ct);
            return null;
        }
        catch (ApiException ex)
        {
            return ex.Message;
        }
    }
}
