using ToonStudio.Server.Catalog;
using ToonStudio.Server.Engines;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Replicate;
using ToonStudio.Server.Generation;
using ToonStudio.Server.Hosting;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops;
using ToonStudio.Server.Security;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddToonStudioHosting();
ConsoleLogSetup.AddToonStudioConsole(builder); // readable console in Development, startup banner
builder.AddToonStudioSecurity();
builder.AddToonStudioStorage();
builder.AddJobs();
builder.AddGeneration();
builder.AddWebhooks();
builder.AddEngines();
builder.AddReplicateEngine();
builder.AddBflEngine();
builder.AddToonStudioTelemetry();

var app = builder.Build();

app.UseToonStudioHosting();
app.UseToonStudioSecurity();
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
