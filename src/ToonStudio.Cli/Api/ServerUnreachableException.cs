namespace ToonStudio.Cli.Api;

/// <summary>No HTTP answer at all: wrong URL, server down, DNS, TLS. Exit code 2, distinct from a failed job.</summary>
internal sealed class ServerUnreachableException(Uri server, Exception inner)
    : Exception($"Cannot reach ToonStudio at {server}: {inner.GetBaseException().Message}. Is the server running and the URL right?", inner);

/// <summary>The server answered with an error status.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
