using System.ComponentModel.DataAnnotations;

namespace ToonStudio.Server.Jobs;

/// <summary>How long finished jobs are kept (<c>ToonStudio:Generation:Retention</c>, the key it always had).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "ToonStudio:Generation";

    /// <summary>Terminal jobs and their files are deleted this long after completion.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
