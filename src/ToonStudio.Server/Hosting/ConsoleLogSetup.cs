using Microsoft.Extensions.Logging.Console;

namespace ToonStudio.Server.Hosting;

/// <summary>
/// Readable console lines for a person running the server in Development (the simple formatter, one line each),
/// JSON lines everywhere else; plus the startup banner. An explicit <c>Logging:Console:FormatterName</c> wins.
/// </summary>
public static class ConsoleLogSetup
{
    public static WebApplicationBuilder AddToonStudioConsole(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Logging:Console:FormatterName"]))
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
            // Registered after the hosting's JSON choice, so this one is the formatter in force.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Simple);
        }
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }
}
