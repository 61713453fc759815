using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using ToonStudio.Server.Core;
using ToonStudio.Server.Ops.Logging;
using ToonStudio.Server.Tests.Support;

namespace ToonStudio.Server.Tests.Ops;

/// <summary>The request/result lines operators count by, with the ids they need, and never a key.</summary>
public sealed class LogCaptureTests
{
    private const string ReplicateToken = "r8_TestTokenThatMustNeverBeLogged";
    private const string BflKey = "bfl-test-key-that-must-never-be-logged";

    [Fact]
    public async Task CompatibleEndpoint_JobSucceeds_RequestAndResultLinesCarryJobIdAndNoKey()
    {
        using var app = new ToonStudioApplication(
            settings: new Dictionary<string, string?> { ["REPLICATE_API_TOKEN"] = ReplicateToken + "\n", ["BFL_API_KEY"] = BflKey },
            services: ToonStudioApplication.Combine(
                ToonStudioApplication.WithEngine(new ScriptedEngine("local", ScriptedEngine.Outcome.Succeed)),
                services => services.AddFakeLogging()));
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/goods-gen/generate", Forms.Goods(fields: new Dictionary<string, string?> { ["engine"] = "local" }));
        var jobId = Assert.Single(response.Headers.GetValues("X-Job-Id"));
        using var result = await client.GetAsync($"/api/v1/jobs/{jobId}/result");
        var records = app.Services.GetFakeLogCollector().GetSnapshot();

        var received = Assert.Single(records, r => r.Message == "Request received POST /api/goods-gen/generate " + ContentLength(r) + " bytes");
        var returned = Assert.Single(records, r => r.Message.StartsWith("Result returned POST /api/goods-gen/generate 200 job " + jobId + " engine local", StringComparison.Ordinal));
        Assert.Equal(jobId, returned.GetStructuredStateValue("JobId"));
        Assert.Equal(Scope(received).RequestId, Scope(returned).RequestId);
        Assert.Equal(jobId, Scope(returned).JobId);
        var resultReceived = Assert.Single(records, r => r.Message.StartsWith($"Request received GET /api/v1/jobs/{jobId}/result", StringComparison.Ordinal));
        Assert.Equal(jobId, Scope(resultReceived).JobId);
        // The run happens in the background, yet its lines name the request that asked for it and the provider task.
        var finished = Scope(Assert.Single(records, r => r.Message.StartsWith($"Job {jobId} finished succeeded", StringComparison.Ordinal)));
        Assert.Equal((jobId, "local", Scope(received).RequestId, $"task-{jobId}"), (finished.JobId, finished.Engine, finished.RequestId, finished.ProviderTaskIdSource?.Invoke()));

        Assert.All(records, r => Assert.DoesNotContain(ReplicateToken, Everything(r), StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(BflKey, Everything(r), StringComparison.Ordinal));
    }

    private static string ContentLength(FakeLogRecord record) => record.GetStructuredStateValue("ContentLength") ?? "?";

    private static JobLogScope Scope(FakeLogRecord record) => Assert.Single(record.Scopes.OfType<JobLogScope>());

    /// <summary>All a log line can carry: message, structured state, scopes, exception.</summary>
    private static string Everything(FakeLogRecord record) => string.Join('\n',
        [record.Message, .. (record.StructuredState ?? []).Select(kv => $"{kv.Key}={kv.Value}"),
         .. record.Scopes.Select(s => s is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(',', pairs.Select(p => $"{p.Key}={p.Value}")) : s?.ToString()),
         record.Exception?.ToString()]);
}
