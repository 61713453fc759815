namespace ToonStudio.Server.Core;

/// <summary>The error catalog (docs/architecture.md): every failure a client sees has one of these codes.</summary>
public static class ErrorCode
{
    public const string InvalidParameter = "invalid_parameter";
    public const string UnsupportedImage = "unsupported_image";
    public const string ImageTooLarge = "image_too_large";
    public const string InvalidImage = "invalid_image";
    public const string EngineNotConfigured = "engine_not_configured";
    public const string ProviderAuthFailed = "provider_auth_failed";
    public const string ProviderOutOfCredits = "provider_out_of_credits";
    public const string ProviderRateLimited = "provider_rate_limited";
    public const string Moderated = "moderated";
    public const string ProviderFailed = "provider_failed";
    public const string UnexpectedProviderOutput = "unexpected_provider_output";
    public const string GenerationTimeout = "generation_timeout";
    public const string Canceled = "canceled";
    public const string NotFound = "not_found";
    public const string NotReady = "not_ready";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string InsufficientStorage = "insufficient_storage";
    public const string Unauthorized = "unauthorized";
    public const string RateLimited = "rate_limited";
    public const string TooManyAttempts = "too_many_attempts";
    public const string InternalError = "internal_error";

    public static int StatusOf(string code) => code switch
    {
        InvalidParameter => 400,
        UnsupportedImage => 415,
        ImageTooLarge => 413,
        InvalidImage => 400,
        EngineNotConfigured => 503,
        ProviderAuthFailed => 502,
        ProviderOutOfCredits => 502,
        ProviderRateLimited => 503,
        Moderated => 422,
        ProviderFailed => 502,
        UnexpectedProviderOutput => 502,
        GenerationTimeout => 504,
        Canceled => 409,
        NotFound => 404,
        NotReady => 409,
        IdempotencyConflict => 409,
        InsufficientStorage => 507,
        Unauthorized => 401,
        RateLimited => 429,
        TooManyAttempts => 429,
        _ => 500,
    };
}
