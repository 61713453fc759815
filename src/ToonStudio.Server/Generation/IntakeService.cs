using Microsoft.Extensions.Options;
using ToonStudio.Imaging.Intake;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Ops.Metrics;

namespace ToonStudio.Server.Generation;

/// <summary>
/// Runs image intake with a bound on concurrent decodes, so a burst of large uploads cannot multiply the
/// decoder's memory; maps intake refusals to the catalog, naming the field.
/// </summary>
public sealed class IntakeService(IOptions<GenerationOptions> options, ToonStudioMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim _decodes = new(Math.Max(2, Environment.ProcessorCount));

    public async Task<IntakeResult> ProcessAsync(ImageUpload upload, int maxEdge, CancellationToken ct)
    {
        var limits = new IntakeLimits(options.Value.MaxUploadBytes, options.Value.MaxPixels, maxEdge);
        metrics.Upload(upload.Field, upload.Bytes.Length);
        await _decodes.WaitAsync(ct);
        try
        {
            return ImageIntake.Process(upload.Bytes, limits);
        }
        catch (ImageIntakeException e)
        {
            var code = e.Failure switch
            {
                IntakeFailure.Unsupported => ErrorCode.UnsupportedImage,
                IntakeFailure.TooLarge => ErrorCode.ImageTooLarge,
                _ => ErrorCode.InvalidImage,
            };
            throw new ToonStudioException(code, $"{upload.Field}: {e.Message}", upload.Field,
                new Dictionary<string, string> { ["field"] = upload.Field, ["limit"] = (options.Value.MaxUploadBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) }, e);
        }
        finally
        {
            _decodes.Release();
        }
    }

    public void Dispose() => _decodes.Dispose();
}
