using System.Net.Sockets;

namespace ToonStudio.Tests.Shared;

/// <summary>Small helpers of the tests that run real server processes: a free loopback port, a thread-safe log.</summary>
public static class ProcessSupport
{
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Appends a line of a child process's output; ignores the end-of-stream null and a closed log.</summary>
    public static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            if (log.BaseStream is not null)
            {
                log.WriteLine(line);
            }
        }
    }
}
