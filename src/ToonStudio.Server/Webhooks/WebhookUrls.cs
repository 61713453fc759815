using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Engines.Downloads;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Webhooks;

/// <summary>Validates a request's <c>webhook_url</c> at the edge: https (or an exact allowlisted origin), an allowed host, no credentials.</summary>
public sealed class WebhookUrls(IOptionsMonitor<WebhookOptions> options)
{
    public const string Field = "webhook_url";

    public string? Parse(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var current = options.CurrentValue;
        if (!current.Enabled)
        {
            throw ToonStudioException.Invalid(Field, "nothing: webhooks are not enabled on this server (ToonStudio:Webhooks)", "없음: 이 서버는 웹훅을 쓰지 않습니다 (ToonStudio:Webhooks)");
        }
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Fragment.Length > 0
            || !new HostAllowlist(current.AllowedHosts).IsAllowed(url))
        {
            throw ToonStudioException.Invalid(Field, "an https URL on a host of ToonStudio:Webhooks:AllowedHosts", "ToonStudio:Webhooks:AllowedHosts에 있는 호스트의 https URL");
        }
        return url.AbsoluteUri;
    }
}
