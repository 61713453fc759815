namespace ToonStudio.Server.Jobs;

/// <summary>Why a running job's token was canceled; decides its final state.</summary>
internal enum StopReason
{
    None,
    /// <summary>The user asked: the job ends <c>canceled</c>.</summary>
    UserCancel,
    /// <summary>The host is stopping: the job stays <c>running</c> with its lease released, resumable.</summary>
    Shutdown,
    /// <summary>Another process took the job over: this one writes nothing more.</summary>
    LeaseLost,
}
