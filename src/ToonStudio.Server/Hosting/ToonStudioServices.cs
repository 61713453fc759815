using ToonStudio.Server.Engines;
using ToonStudio.Server.Engines.Bfl;
using ToonStudio.Server.Engines.Replicate;
using ToonStudio.Server.Generation;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Ops;
using ToonStudio.Server.Security;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Webhooks;

namespace ToonStudio.Server.Hosting;

/// <summary>Registers every folder's services, options and background workers; Program.cs calls it once.</summary>
public static class ToonStudioServices
{
    /// <summary>Each folder's registration in turn; the request pipeline itself is written out in Program.cs.</summary>
    public static WebApplicationBuilder AddToonStudio(this WebApplicationBuilder builder)
    {
        builder.AddToonStudioHosting();
        builder.AddToonStudioConsole(); // readable console in Development, startup banner
        builder.AddToonStudioSecurity();
        builder.AddToonStudioStorage();
        builder.AddJobs();
        builder.AddGeneration();
        builder.AddWebhooks();
        builder.AddEngines();
        builder.AddReplicateEngine();
        builder.AddBflEngine();
        builder.AddToonStudioTelemetry();
        return builder;
    }
}
