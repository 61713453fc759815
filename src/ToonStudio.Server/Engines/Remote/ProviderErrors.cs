using System.Net;
using System.Text.Json;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>
/// Turns a provider's non-success answer into a catalog error. Details are written for end users: a 402's
/// "purchase credit" text is never passed on (it made customers buy credit packs for someone else's account),
/// and provider text is stripped of the key in case a provider ever echoes it.
/// </summary>
public static class ProviderErrors
{
    private const int MaxDetail = 300;

    public static async Task<ToonStudioException> FromResponseAsync(string provider, string keyVariable, HttpResponseMessage response, string? secret, TimeProvider time, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(ErrorCode.ProviderAuthFailed,
                $"{provider} refused the configured key (HTTP {status}); check {keyVariable}."),
            HttpStatusCode.PaymentRequired => new(ErrorCode.ProviderOutOfCredits,
                $"The {provider} account has run out of credit. An operator must top it up; retrying will not help."),
            HttpStatusCode.TooManyRequests => new(ErrorCode.ProviderRateLimited, $"{provider} is rate limiting requests; try again later.")
            {
                RetryAfter = RetryAfter.FromHeader(response, time) ?? RetryAfter.FromBody(body) ?? TimeSpan.FromSeconds(10),
            },
            // Never followed (ProviderHandler): the key must not travel to the host a Location names.
            _ when status is >= 300 and < 400 => new(ErrorCode.UnexpectedProviderOutput,
                $"{provider} answered with a redirect (HTTP {status}), which is not followed: it would carry the key to another host."),
            _ when status >= 500 => new(ErrorCode.ProviderFailed, $"{provider} is unavailable (HTTP {status})."),
            _ => new(ErrorCode.ProviderFailed, $"{provider} rejected the request (HTTP {status}): {Clean(MessageOf(body), secret)}"),
        };
    }

    /// <summary>Provider text made safe to show: the key removed, whitespace collapsed, length capped.</summary>
    public static string Clean(string? text, string? secret)
    {
        var clean = (text ?? "").Trim();
        if (!string.IsNullOrEmpty(secret))
        {
            clean = clean.Replace(secret, "[redacted]", StringComparison.Ordinal);
        }
        clean = string.Join(' ', clean.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return clean.Length <= MaxDetail ? clean : clean[..MaxDetail] + "…";
    }

    /// <summary>Replicate's <c>detail</c> string, or BFL's FastAPI <c>detail</c> list (<c>loc</c> + <c>msg</c>).</summary>
    internal static string MessageOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("detail", out var detail))
            {
                return "no details given";
            }
            if (detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString() ?? "";
            }
            if (detail.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", detail.EnumerateArray().Select(Item));
            }
        }
        catch (JsonException)
        {
        }
        return "no details given";
    }

    private static string Item(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return item.ToString();
        }
        var loc = item.TryGetProperty("loc", out var l) && l.ValueKind == JsonValueKind.Array
            ? string.Join('.', l.EnumerateArray().Select(e => e.ToString())) : null;
        var msg = item.TryGetProperty("msg", out var m) ? m.ToString() : item.ToString();
        return loc is null ? msg : $"{loc}: {msg}";
    }
}
