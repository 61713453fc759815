namespace ToonStudio.FakeProviders;

/// <summary>What happened under one scenario key. Submissions count accepted (billable) tasks only.</summary>
public sealed class ScenarioCounters
{
    private int _submitAttempts, _submissions, _polls, _cancels, _downloads, _rejected;

    public int SubmitAttempts => _submitAttempts;
    public int Submissions => _submissions;
    public int Polls => _polls;
    public int Cancels => _cancels;
    public int Downloads => _downloads;

    /// <summary>Requests refused with a status the scenario asked for (429, 5xx …), i.e. what a client may retry.</summary>
    public int Rejected => _rejected;

    public string? LastCancelAfter { get; set; }
    public string? LastPrefer { get; set; }

    internal void SubmitAttempt() => Interlocked.Increment(ref _submitAttempts);
    internal void Submission() => Interlocked.Increment(ref _submissions);
    internal void Poll() => Interlocked.Increment(ref _polls);
    internal void Cancel() => Interlocked.Increment(ref _cancels);
    internal void Download() => Interlocked.Increment(ref _downloads);
    internal void Reject() => Interlocked.Increment(ref _rejected);

    public object Snapshot() => new
    {
        submitAttempts = SubmitAttempts,
        submissions = Submissions,
        polls = Polls,
        cancels = Cancels,
        downloads = Downloads,
        rejected = Rejected,
        lastCancelAfter = LastCancelAfter,
        lastPrefer = LastPrefer,
    };
}
