using System.Globalization;
using System.Text.Json;

namespace ToonStudio.Server.Engines.Remote;

/// <summary>
/// The delay a provider asks for: the <c>Retry-After</c> header (seconds or HTTP date) or, as Replicate's
/// low-credit 429 and some BFL answers carry it, a <c>retry_after</c> number in the JSON body.
/// </summary>
public static class RetryAfter
{
    public static async Task<TimeSpan?> FromAsync(HttpResponseMessage response, TimeProvider time, CancellationToken ct)
    {
        if (FromHeader(response, time) is { } header)
        {
            return header;
        }
        await response.Content.LoadIntoBufferAsync(ct);
        return FromBody(await response.Content.ReadAsStringAsync(ct));
    }

    public static TimeSpan? FromHeader(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    public static TimeSpan? FromBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("retry_after", out var value))
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds >= 0)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
                if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds >= 0)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
