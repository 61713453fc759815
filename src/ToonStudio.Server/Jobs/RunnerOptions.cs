using System.ComponentModel.DataAnnotations;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Local;
using ToonStudio.Server.Engines.Replicate;

namespace ToonStudio.Server.Jobs;

/// <summary>How the job runner works (ToonStudio:Runner): jobs at once per engine, lease, idle poll, shutdown grace, worker id.</summary>
public sealed class RunnerOptions
{
    public const string SectionName = "ToonStudio:Runner";

    /// <summary>Jobs run at once per engine. The local engine is CPU-bound; remote engines mostly wait.</summary>
    public Dictionary<string, int> Concurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [LocalEngine.EngineName] = Math.Max(1, Environment.ProcessorCount),
        [ReplicateEngine.EngineName] = 32,
        [BflEngine.EngineName] = 32,
    };

    /// <summary>How long a claim holds a job without a heartbeat; another replica takes over after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle runner looks for work when no signal arrives (other replicas, expired leases).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>On shutdown, running jobs get this long to finish before they are left resumable.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>This process's name in leases; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public int ConcurrencyOf(string engine) => Concurrency.TryGetValue(engine, out var n) && n > 0 ? n : 4;
}
