namespace ToonStudio.FakeProviders;

/// <summary>How the fakes listen and behave. Port 0 picks a free port; tests use 0 everywhere.</summary>
public sealed class FakeProvidersOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int ReplicateApiPort { get; set; }
    public int ReplicateFilesPort { get; set; }
    public int BflApiPort { get; set; }
    public int BflRegionalPort { get; set; }
    public int BflDeliveryPort { get; set; }

    /// <summary>The token the Replicate fake accepts; null accepts any non-empty token.</summary>
    public string? ReplicateToken { get; set; }

    /// <summary>The x-key the BFL fake accepts; null accepts any non-empty key.</summary>
    public string? BflKey { get; set; }

    /// <summary>Polls a task needs before it finishes when the scenario does not say (<c>polls=N</c>).</summary>
    public int DefaultPolls { get; set; } = 2;

    /// <summary>BFL's documented cap on active tasks per key, and the lower one of flux-kontext-max.</summary>
    public int BflActiveTaskLimit { get; set; } = 24;
    public int BflKontextMaxActiveTaskLimit { get; set; } = 6;

    /// <summary>A task nobody polls to completion stops counting as active after this long (BFL finishes it anyway).</summary>
    public TimeSpan BflAbandonedTaskLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>BFL signs delivery URLs for 10 minutes; Replicate removes API outputs after 1 hour.</summary>
    public TimeSpan BflDeliveryLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan ReplicateOutputLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Fixed provider latency for load and fault runs: when above zero a task finishes this long after its submit, by the
    /// clock instead of by polls, and a Replicate create with <c>Prefer: wait</c> is held until then. Per request: <c>latency=ms</c>.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Load runs: every result is these bytes instead of a drawing, so the fakes' own CPU is not counted as the service's.</summary>
    public byte[]? FixedOutput { get; set; }

    /// <summary>Longest edge of the images the fakes draw; small keeps tests fast.</summary>
    public int OutputEdge { get; set; } = 512;

    public TimeProvider Time { get; set; } = TimeProvider.System;
}
