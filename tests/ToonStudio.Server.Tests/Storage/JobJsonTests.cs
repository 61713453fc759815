using ToonStudio.Imaging;
using ToonStudio.Server.Core;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>Job rows keep the output format as the lowercase string they always held, in both directions.</summary>
public sealed class JobJsonTests
{
    [Theory]
    [InlineData(OutputFormat.Png, "png")]
    [InlineData(OutputFormat.Jpeg, "jpeg")]
    [InlineData(OutputFormat.Webp, "webp")]
    public void Serialize_OutputFormat_WritesWireName(OutputFormat format, string wire)
    {
        var job = TestJobs.New("j1") with { Parameters = TestJobs.New("j1").Parameters with { OutputFormat = format } };

        var json = JobJson.Serialize(job);

        Assert.Contains($"\"outputFormat\":\"{wire}\"", json, StringComparison.Ordinal);
        Assert.Equal(format, JobJson.Deserialize(json).Parameters.OutputFormat);
    }

    [Theory]
    [InlineData("png", OutputFormat.Png)]
    [InlineData("jpeg", OutputFormat.Jpeg)]
    [InlineData("jpg", OutputFormat.Jpeg)]
    [InlineData("webp", OutputFormat.Webp)]
    public void Deserialize_RowWrittenAsString_ReadsTheFormat(string stored, OutputFormat expected)
    {
        var json = JobJson.Serialize(TestJobs.New("j1")).Replace("\"outputFormat\":\"png\"", $"\"outputFormat\":\"{stored}\"", StringComparison.Ordinal);

        Assert.Equal(expected, JobJson.Deserialize(json).Parameters.OutputFormat);
    }

    [Fact]
    public void Deserialize_UnknownFormat_IsRefused()
    {
        var json = JobJson.Serialize(TestJobs.New("j1")).Replace("\"outputFormat\":\"png\"", "\"outputFormat\":\"gif\"", StringComparison.Ordinal);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JobJson.Deserialize(json));
    }
}
