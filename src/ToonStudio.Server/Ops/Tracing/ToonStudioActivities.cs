using System.Diagnostics;

namespace ToonStudio.Server.Ops.Tracing;

/// <summary>
/// Spans of a job: <c>toonstudio.intake</c> inside the upload request, <c>toonstudio.job</c> around the run
/// (parented to the upload's trace when this process still knows it), provider HTTP calls as its children.
/// </summary>
public static class ToonStudioActivities
{
    public const string SourceName = "ToonStudio";

    public static readonly ActivitySource Source = new(SourceName);

    public const string JobIdTag = "toonstudio.job_id";
    public const string KindTag = "toonstudio.kind";
    public const string EngineTag = "toonstudio.engine";

    /// <summary>Marks the current job span with its final status; anything but success is an error span.</summary>
    public static void RecordOutcome(string status, string? errorCode)
    {
        if (Activity.Current is not { Source.Name: SourceName } activity)
        {
            return;
        }

        activity.SetTag("toonstudio.status", status);
        if (errorCode is not null)
        {
            activity.SetTag("toonstudio.error_code", errorCode);
            activity.SetStatus(ActivityStatusCode.Error, errorCode);
        }
    }
}
