using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Tests.Storage;

internal static class TestJobs
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public static Job New(string id, DateTimeOffset? createdAt = null, string engine = "local", JobKind kind = JobKind.Ppl,
        string? idempotencyKey = null, string? batchId = null) => new()
        {
            Id = id,
            Kind = kind,
            Engine = engine,
            Parameters = new JobParameters("a cat holding a mug", "1:1", OutputFormat.Png, 2, 42, kind == JobKind.Goods ? "mug" : null),
            CreatedAt = createdAt ?? T0,
            Deadline = (createdAt ?? T0).AddMinutes(2),
            InputCount = kind == JobKind.Ppl ? 2 : 1,
            IdempotencyKey = idempotencyKey,
            BatchId = batchId,
        };
}
