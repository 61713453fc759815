using ToonStudio.Server.Catalog;
using ToonStudio.Server.Generation;
using ToonStudio.Server.Hosting;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops;
using ToonStudio.Server.Ops.Logging;
using ToonStudio.Server.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddToonStudio(); // every folder's services, options and workers (Hosting/ToonStudioServices.cs)

var app = builder.Build();

// The request pipeline, outermost first; nothing else inserts a middleware.
app.UseMiddleware<RequestLogMiddleware>(); // every request; logs /api ones with the status the client really got
app.UseMiddleware<ServeMiddleware>();      // 404 for creating a generator this deployment does not serve
app.UseRouting();
app.UseExceptionHandler();                 // Errors/ProblemExceptionHandler: failures in the catalog's shape
app.UseStatusCodePages(HostingExtensions.ApiStatusCodePage);
app.UseSecurityHeaders();
app.UseDefaultFiles(HostingExtensions.UiDefaultFiles(app.Environment));
app.UseStaticFiles(HostingExtensions.UiStaticFiles(app.Environment)); // the web UI, public
app.UseCors(SecurityExtensions.CorsPolicy); // before the key check: a preflight carries no key
app.UseMiddleware<ApiKeyMiddleware>();     // /api/* only; probes, /metrics and the UI stay open
app.UseRateLimiter();                      // per client ("generation" policy), partitioned by key

app.MapHealthApi();
app.MapToonStudioMetrics();
app.MapCompatibleApi();
app.MapGenerationApi();
app.MapJobsApi();
app.MapCatalogApi();
app.MapSessionApi();
app.MapOpenApi();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
