using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Generation;

/// <summary>Limits and defaults of the create path (<c>ToonStudio:Generation</c>): deadline, upload and pixel limits, batch size.</summary>
public sealed class GenerationOptions
{
    public const string SectionName = "ToonStudio:Generation";

    /// <summary>Deadline of a job from its creation; the compatible endpoints answer 504 past it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 200 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Width × height read from the header before decoding; larger images are refused (decompression bombs).</summary>
    [Range(1, 500_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    [Range(1, 100_000)]
    public int MaxPromptLength { get; set; } = 2000;

    /// <summary>Goods type used when a goods request names none (the earlier API had no such field).</summary>
    [Required]
    public string DefaultGoodsType { get; set; } = "tshirt";

    [Range(1, 10)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>How long the longest <c>Prefer: wait=N</c> may hold a request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxPreferWait { get; set; } = TimeSpan.FromSeconds(60);
}
