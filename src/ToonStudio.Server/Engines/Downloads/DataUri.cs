using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Downloads;

/// <summary>Inline results (<c>data:image/png;base64,…</c>), which Replicate briefly returned for sync outputs.</summary>
public static class DataUri
{
    public static byte[] Decode(string uri, long maxBytes)
    {
        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !uri.AsSpan(0, comma).EndsWith(";base64", StringComparison.OrdinalIgnoreCase) || (uri.Length - comma) * 3L / 4 > maxBytes)
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "The provider returned an inline result that is not a base64 image within the size limit.");
        }
        try
        {
            return Convert.FromBase64String(uri[(comma + 1)..]);
        }
        catch (FormatException)
        {
            throw new ToonStudioException(ErrorCode.UnexpectedProviderOutput, "The provider returned an inline result that is not valid base64.");
        }
    }

    public static string Encode(byte[] bytes, string contentType) => $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
}
