namespace ToonStudio.Server.Storage;

/// <summary>Blob keys of a job: every file of a job lives under one prefix, so delete is one call.</summary>
public static class JobBlobs
{
    public static string Prefix(string jobId) => $"jobs/{jobId}/";
    public static string Input(string jobId, int index) => $"jobs/{jobId}/input-{index}.png";
    public static string Result(string jobId) => $"jobs/{jobId}/result";
    public static string Artifact(string jobId, string name) => $"jobs/{jobId}/artifacts/{name}";
}
