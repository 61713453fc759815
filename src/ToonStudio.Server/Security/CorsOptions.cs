namespace ToonStudio.Server.Security;

/// <summary>
/// Cross-origin access (ToonStudio:Cors). Empty (the default): same-origin only — the UI is served by this process,
/// so it needs none. Otherwise exactly these origins, e.g. <c>https://studio.example.com</c>, may call the API with keys.
/// </summary>
public sealed class ToonStudioCorsOptions
{
    public const string SectionName = "ToonStudio:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
