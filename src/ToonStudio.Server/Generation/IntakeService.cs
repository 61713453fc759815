using Microsoft.Extensions.Options;
using ToonStudio.Imaging.Codecs;
using ToonStudio.Imaging.Intake;
using ToonStudio.Server.Core;
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

    // A PNG cannot be decoded scaled: a 36 MP upload (inside the pixel limit, ~150 KB as a zlib bomb) takes 144 MB at
    // once. Two of them side by side took the hostile-input run to 514 MB; by pixel budget (MaxPixels) one maximum-size
    // decode runs at a time while small images still decode in parallel.
    private readonly PixelBudget _pixels = new(options.Value.MaxPixels);

    public async Task<IntakeResult> ProcessAsync(ImageUpload upload, int maxEdge, CancellationToken ct)
    {
        var limits = new IntakeLimits(options.Value.MaxUploadBytes, options.Value.MaxPixels, maxEdge);
        metrics.Upload(upload.Field, upload.Bytes.Length);
        var permits = await _pixels.AcquireAsync(HeaderPixels(upload.Bytes), ct);
        try
        {
            await _decodes.WaitAsync(ct);
        }
        catch
        {
            _pixels.Release(permits);
            throw;
        }
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
            _pixels.Release(permits);
        }
    }

    /// <summary>Width × height from the header alone (0 when unreadable: intake will refuse it without decoding).</summary>
    private static long HeaderPixels(byte[] bytes) => ImageCodec.ReadHeader(bytes)?.Pixels ?? 0;

    public void Dispose()
    {
        _decodes.Dispose();
        _pixels.Dispose();
    }
}
