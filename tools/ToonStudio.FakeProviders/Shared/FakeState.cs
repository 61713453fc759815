using System.Collections.Concurrent;

namespace ToonStudio.FakeProviders;

/// <summary>Everything the five fake hosts share; tests read it in-process, others through <c>GET /admin/stats</c>.</summary>
public sealed class FakeState(FakeProvidersOptions options)
{
    private readonly ConcurrentDictionary<string, ScenarioCounters> _counters = new(StringComparer.Ordinal);
    private int _capRejections, _wrongHostPolls, _fileUploads, _peakActiveKontextMax;

    public FakeProvidersOptions Options { get; } = options;

    /// <summary>Scenario for requests without a marker; set with <c>POST /admin/scenario?spec=…</c>.</summary>
    public Scenario DefaultScenario { get; set; } = Scenario.Default;

    public ConcurrentDictionary<string, StoredFile> Files { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, ReplicatePrediction> Predictions { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, BflTask> BflTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Guards the BFL active-task count so concurrent submits cannot both slip under the cap.</summary>
    internal Lock BflGate { get; } = new();

    public int BflCapRejections => _capRejections;
    public int BflWrongHostPolls => _wrongHostPolls;
    public int ReplicateFileUploads => _fileUploads;
    public int PeakActiveKontextMax => _peakActiveKontextMax;

    public ScenarioCounters Counters(string key) => _counters.GetOrAdd(key, _ => new ScenarioCounters());

    public ScenarioCounters Counters(Scenario scenario) => Counters(scenario.Key);

    internal void CapRejected() => Interlocked.Increment(ref _capRejections);
    internal void WrongHostPoll() => Interlocked.Increment(ref _wrongHostPolls);
    internal void FileUploaded() => Interlocked.Increment(ref _fileUploads);

    internal void ObserveActiveKontextMax(int active)
    {
        int seen;
        while (active > (seen = _peakActiveKontextMax) && Interlocked.CompareExchange(ref _peakActiveKontextMax, active, seen) != seen)
        {
        }
    }

    public object Snapshot() => new
    {
        bflCapRejections = BflCapRejections,
        bflWrongHostPolls = BflWrongHostPolls,
        replicateFileUploads = ReplicateFileUploads,
        peakActiveKontextMax = PeakActiveKontextMax,
        scenarios = _counters.ToDictionary(p => p.Key, p => p.Value.Snapshot()),
    };

    public void Reset()
    {
        _counters.Clear();
        Predictions.Clear();
        BflTasks.Clear();
        Files.Clear();
        _capRejections = _wrongHostPolls = _fileUploads = _peakActiveKontextMax = 0;
        DefaultScenario = Scenario.Default;
    }
}

/// <summary>A file on a delivery host. Expired files answer 404 (Replicate) or 403 (BFL's signed URLs).</summary>
public sealed record StoredFile(byte[] Bytes, string ContentType, DateTimeOffset ExpiresAt, string? ScenarioKey);
