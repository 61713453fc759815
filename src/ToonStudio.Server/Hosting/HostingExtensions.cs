using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;
using ToonStudio.Server.Generation;

namespace ToonStudio.Server.Hosting;

/// <summary>Port, logs, problem details, OpenAPI and Kestrel limits; the options of the status pages and the UI's files.</summary>
public static class HostingExtensions
{
    /// <summary>Port 8080 unless configured, JSON console logs, problem details, OpenAPI, request size limits.</summary>
    public static IHostApplicationBuilder AddToonStudioHosting(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.WebHost.UseUrls("http://localhost:8080");
        }
        if (string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>, KestrelLimits>();
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 64L * 1024 * 1024);
        return builder;
    }

    /// <summary>Routing misses (404/405) under <c>/api</c> answer in the catalog's shape too (for <c>UseStatusCodePages</c>).</summary>
    public static async Task ApiStatusCodePage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var code = http.Response.StatusCode == 404 ? ErrorCode.NotFound : ErrorCode.InvalidParameter;
            await Problems.Create(http, code, $"HTTP {http.Response.StatusCode}", "path",
                new Dictionary<string, string> { ["allowed"] = "see /openapi/v1.json" }).ExecuteAsync(http);
        }
    }

    /// <summary><c>/</c> and the page folders answer with their <c>index.html</c> (for <c>UseDefaultFiles</c>).</summary>
    public static DefaultFilesOptions UiDefaultFiles(IWebHostEnvironment environment) => new() { FileProvider = WebRoot(environment) };

    /// <summary>The UI's files, revalidated on every load (for <c>UseStaticFiles</c>).</summary>
    public static StaticFileOptions UiStaticFiles(IWebHostEnvironment environment) => new()
    {
        FileProvider = WebRoot(environment),
        OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
    };

    /// <summary>
    /// The UI's files: the content root's wwwroot (dotnet run, tests), else the copy beside the assembly
    /// (the dll started from another folder, as the E2E tests and the container do).
    /// </summary>
    private static Microsoft.Extensions.FileProviders.IFileProvider WebRoot(IWebHostEnvironment environment)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(Path.Combine(environment.ContentRootPath, "wwwroot")) || !Directory.Exists(beside)
            ? environment.WebRootFileProvider
            : new Microsoft.Extensions.FileProviders.PhysicalFileProvider(beside);
    }

    /// <summary>The body may hold two uploads at the limit plus the text fields; more is refused while it streams.</summary>
    private sealed class KestrelLimits(IOptions<GenerationOptions> options) : IConfigureOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>
    {
        public void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel)
        {
            kestrel.Limits.MaxRequestBodySize = options.Value.MaxUploadBytes * 2 + 1024 * 1024;
            kestrel.AddServerHeader = false;
        }
    }
}
