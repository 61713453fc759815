using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Jobs;
using static ToonStudio.Server.Tests.Storage.TestJobs;

namespace ToonStudio.Server.Tests.Storage;

public abstract partial class JobStoreContractTests
{
    [Fact]
    public async Task UpdateAsync_Succeeded_WritesResultAndClearsLease()
    {
        await Store.CreateAsync(New("j"), default);
        var claimed = await Store.TryClaimAsync("w1", Local, T0, Lease, default);
        var done = claimed! with
        {
            Status = JobStatus.Succeeded,
            Stage = null,
            Progress = 1,
            CompletedAt = T0.AddSeconds(5),
            ResultContentType = "image/png",
            ResultLength = 1234,
            ResultEtag = "\"e\"",
            Artifacts = [new JobArtifact("print.png", "image/png", 99)],
        };

        Assert.True(await Store.UpdateAsync(done, default));
        var read = await Store.GetAsync("j", default);

        Assert.Equal((JobStatus.Succeeded, 1d, "image/png", 1234L, "\"e\""), (read!.Status, read.Progress, read.ResultContentType, read.ResultLength, read.ResultEtag));
        Assert.Equal(new JobArtifact("print.png", "image/png", 99), Assert.Single(read.Artifacts));
        Assert.Equal((null, null), (read.LeaseOwner, read.LeaseUntil));
    }

    [Fact]
    public async Task UpdateAsync_AfterCancelRequested_KeepsTheFlag()
    {
        await Store.CreateAsync(New("j"), default);
        var claimed = await Store.TryClaimAsync("w1", Local, T0, Lease, default);
        await Store.RequestCancelAsync("j", T0.AddSeconds(1), default);

        Assert.True(await Store.UpdateAsync(claimed! with { Progress = 0.5 }, default));

        Assert.True((await Store.GetAsync("j", default))?.CancelRequested);
    }

    [Fact]
    public async Task UpdateAsync_UnknownJob_ReturnsFalse() => Assert.False(await Store.UpdateAsync(New("ghost"), default));

    [Fact]
    public async Task RequestCancelAsync_Queued_CanceledAtOnceAndNeverClaimed()
    {
        await Store.CreateAsync(New("j"), default);

        var canceled = await Store.RequestCancelAsync("j", T0.AddSeconds(3), default);

        Assert.Equal((JobStatus.Canceled, true, T0.AddSeconds(3), ErrorCode.Canceled), (canceled!.Status, canceled.CancelRequested, canceled.CompletedAt, canceled.ErrorCode));
        Assert.Equal(JobStatus.Canceled, (await Store.GetAsync("j", default))?.Status);
        Assert.Null(await Store.TryClaimAsync("w1", Local, T0.AddMinutes(1), Lease, default));
    }

    [Fact]
    public async Task RequestCancelAsync_Running_SetsFlagOnly()
    {
        await Store.CreateAsync(New("j"), default);
        await Store.TryClaimAsync("w1", Local, T0, Lease, default);

        var job = await Store.RequestCancelAsync("j", T0.AddSeconds(3), default);

        Assert.Equal((JobStatus.Running, true, "w1"), (job!.Status, job.CancelRequested, job.LeaseOwner));
        Assert.True((await Store.GetAsync("j", default))?.CancelRequested);
    }

    [Fact]
    public async Task RequestCancelAsync_TerminalOrUnknown_ChangesNothing()
    {
        await Store.CreateAsync(New("j") with { Status = JobStatus.Failed, CompletedAt = T0 }, default);

        var job = await Store.RequestCancelAsync("j", T0.AddSeconds(3), default);

        Assert.Equal((JobStatus.Failed, false), (job!.Status, job.CancelRequested));
        Assert.Null(await Store.RequestCancelAsync("nope", T0, default));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesOnce()
    {
        await Store.CreateAsync(New("j"), default);

        Assert.True(await Store.DeleteAsync("j", default));
        Assert.False(await Store.DeleteAsync("j", default));
        Assert.Null(await Store.GetAsync("j", default));
    }

    [Fact]
    public async Task PingAsync_Initialized_ReturnsTrue() => Assert.True(await Store.PingAsync(default));
}
