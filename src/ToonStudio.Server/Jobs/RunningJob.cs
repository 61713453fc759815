namespace ToonStudio.Server.Jobs;

/// <summary>The in-process handle of a job being worked on: its stop switch and the reason it was pulled.</summary>
internal sealed class RunningJob : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _reason;

    public Task Completion { get; set; } = Task.CompletedTask;
    public CancellationToken Token => _stop.Token;
    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>The first reason wins: a job canceled by its user and then by shutdown ends canceled.</summary>
    public void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)StopReason.None) == (int)StopReason.None)
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job finished while it was being stopped.
            }
        }
    }

    public void Dispose() => _stop.Dispose();
}
