using Microsoft.Extensions.Options;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Generation;

/// <summary>Registers the create path: its options, intake, job creation and the limits error messages quote.</summary>
public static class GenerationExtensions
{
    public static IHostApplicationBuilder AddGeneration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<JobCreator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GenerationOptions>>().Value;
            return new MessageLimits(options.Timeout, options.MaxUploadBytes);
        });
        return builder;
    }
}
