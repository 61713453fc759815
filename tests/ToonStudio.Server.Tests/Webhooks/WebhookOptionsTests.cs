using ToonStudio.Server.Webhooks;

namespace ToonStudio.Server.Tests.Webhooks;

/// <summary>Webhook options on their own: the retry schedule, secret validation and the signature scheme.</summary>
[Trait("Category", "Unit")]
public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 20)]
    [InlineData(3, 80)]
    [InlineData(4, 320)]
    [InlineData(5, 1280)]
    [InlineData(6, 3600)]
    [InlineData(40, 3600)]
    public void RetryDelay_Attempts_FourfoldUpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new WebhookOptions().RetryDelay(attempts));

    [Theory]
    [InlineData(null, true)]
    [InlineData("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", true)]
    [InlineData("whsec_short", false)]
    [InlineData("whsec_not base64!!", false)]
    public void SecretIsValid_Forms(string? secret, bool valid) =>
        Assert.Equal(valid, new WebhookOptions { Secret = secret }.SecretIsValid());

    [Fact]
    public void Sign_ReplicateDocumentedScheme_MatchesIndependentComputation()
    {
        // docs/providers.md §1.8: base64(HMAC-SHA256(base64decode(after "whsec_"), "id.timestamp.body")), prefixed "v1,".
        var options = new WebhookOptions { Secret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD" };
        var body = """{"id":"x"}"""u8.ToArray();
        var expected = "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String("C2FVsBQIhrscChlQIMV+b5sSYspob7oD"), "msg_1.1700000000.{\"id\":\"x\"}"u8.ToArray()));

        Assert.Equal(expected, WebhookSigner.Sign(options.Key(), "msg_1", 1700000000, body));
        Assert.True(WebhookSigner.Verify(options.Key(), "msg_1", 1700000000, body, "v1,bm9uc2Vuc2U= " + expected));
        Assert.False(WebhookSigner.Verify(options.Key(), "msg_2", 1700000000, body, expected));
    }
}
