using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ToonStudio.Server.Security;

/// <summary>
/// Counts failed sign-ins and 401s per client (remote address; an IPv6 client by its /64) in fixed windows of
/// <see cref="AuthOptions.FailureWindow"/>. At <see cref="AuthOptions.MaxFailures"/> the client is answered 429
/// <c>too_many_attempts</c> with Retry-After until the window ends — every credential it presents, right or wrong,
/// so guessing gets no answer at all. Driven by <see cref="TimeProvider"/> (the built-in limiters keep their own
/// clock and count admissions, not outcomes). Per replica: with R replicas a guesser gets at most R × MaxFailures
/// tries per window.
/// </summary>
public sealed class AuthThrottle(IOptionsMonitor<AuthOptions> options, TimeProvider time)
{
    private const int MaxTracked = 100_000;

    /// <summary>One client's failures in the current window.</summary>
    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;
        public int Failures { get; set; }
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How long this client must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        var o = options.CurrentValue;
        if (o.MaxFailures <= 0 || !_windows.TryGetValue(client, out var window))
        {
            return null;
        }
        var now = time.GetUtcNow();
        lock (window)
        {
            var end = window.Start + o.FailureWindow;
            return now < end && window.Failures >= o.MaxFailures ? end - now : null;
        }
    }

    public void Failed(string client)
    {
        var o = options.CurrentValue;
        if (o.MaxFailures <= 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        if (_windows.Count >= MaxTracked)
        {
            Prune(now, o.FailureWindow);
        }
        var window = _windows.GetOrAdd(client, _ => new Window(now));
        lock (window)
        {
            if (now >= window.Start + o.FailureWindow)
            {
                window.Start = now;
                window.Failures = 0;
            }
            window.Failures++;
        }
    }

    /// <summary>The client a failure is counted against: its address, an IPv6 one cut to its /64 (one host's whole prefix).</summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "ip:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return $"ip:{address}";
    }

    private void Prune(DateTimeOffset now, TimeSpan length)
    {
        foreach (var (client, window) in _windows)
        {
            if (now >= window.Start + length)
            {
                _windows.TryRemove(client, out _);
            }
        }
        if (_windows.Count >= MaxTracked)
        {
            // Flooded from more addresses than a window can hold: start over rather than grow without bound.
            _windows.Clear();
        }
    }
}
