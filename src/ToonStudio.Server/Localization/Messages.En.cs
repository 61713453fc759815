namespace ToonStudio.Server.Localization;

/// <summary>English texts of the error catalog. Placeholders: {field}, {allowed}, {limit}, {why}, {minutes}.</summary>
internal static class MessagesEn
{
    public static readonly IReadOnlyDictionary<string, (string Title, string Message)> Errors = new Dictionary<string, (string, string)>
    {
        ["invalid_parameter"] = ("Invalid parameter", "'{field}' is not valid. Allowed: {allowed}"),
        ["unsupported_image"] = ("Unsupported image", "'{field}' is not a PNG, JPEG or WebP image."),
        ["image_too_large"] = ("Image too large", "'{field}' is too large: at most {limit} MB and within the pixel limit."),
        ["invalid_image"] = ("Invalid image", "'{field}' is truncated or corrupt and cannot be read."),
        ["engine_not_configured"] = ("Engine not available", "The '{engine}' engine is not available: {why}"),
        ["provider_auth_failed"] = ("Provider authentication failed", "The image service rejected the API key. Ask an administrator to check it."),
        ["provider_out_of_credits"] = ("Provider out of credits", "The image service account has run out of credits. Contact an administrator."),
        ["provider_rate_limited"] = ("Provider rate limited", "The image service is throttling requests. Try again shortly."),
        ["moderated"] = ("Moderated", "The input or the result was flagged by the safety filter. Try other images or another prompt."),
        ["provider_failed"] = ("Generation failed", "The image service reported a failure."),
        ["unexpected_provider_output"] = ("Unexpected provider output", "The image service returned a result type that cannot be processed. Try again."),
        ["generation_timeout"] = ("Timed out", "Image generation did not finish within {minutes} minutes"),
        ["canceled"] = ("Canceled", "The job was canceled."),
        ["not_found"] = ("Not found", "The job or file does not exist."),
        ["not_ready"] = ("Not ready", "The job has not finished or has no such result."),
        ["idempotency_conflict"] = ("Idempotency key conflict", "This Idempotency-Key was already used for another request."),
        ["insufficient_storage"] = ("Insufficient storage", "The server is out of storage space. Try again later."),
        ["unauthorized"] = ("Unauthorized", "A valid API key is required."),
        ["rate_limited"] = ("Too many requests", "Too many requests. Try again shortly."),
        ["too_many_attempts"] = ("Too many failed attempts", "Too many failed sign-in attempts from this address. Wait a few minutes, then try again."),
        ["internal_error"] = ("Internal error", "An unexpected error occurred on the server."),
    };
}
