using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ToonStudio.Server.Webhooks;

/// <summary>
/// Standard Webhooks signing, as Replicate does it (docs/providers.md §1.8): <c>v1,</c> + base64 HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{raw body}</c> with the key after <c>whsec_</c>.
/// </summary>
public static class WebhookSigner
{
    public static string Sign(byte[] key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>A receiver's check: any <c>v1</c> entry of the space-separated header equals the expected signature.</summary>
    public static bool Verify(byte[] key, string messageId, long timestamp, ReadOnlySpan<byte> body, string header)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(key, messageId, timestamp, body));
        var found = false;
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            found |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry), expected);
        }
        return found;
    }
}
