using ToonStudio.Imaging.Goods;
using ToonStudio.Imaging.Ppl;
using ToonStudio.Server.Engines.Local;

namespace ToonStudio.Server.Engines;

/// <summary>Registers the engine registry and the local engine.</summary>
public static class EngineExtensions
{
    /// <summary>The registry and the local engine; remote engines add themselves (AddReplicateEngine, AddBflEngine).</summary>
    public static IHostApplicationBuilder AddEngines(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineSelectionOptions>().BindConfiguration(EngineSelectionOptions.SectionName);
        builder.Services.AddOptions<LocalEngineOptions>().BindConfiguration(LocalEngineOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PplCompositor>();
        builder.Services.AddSingleton<GoodsRenderer>();
        builder.Services.AddSingleton<IImageEngine, LocalEngine>();
        builder.Services.AddSingleton<EngineRegistry>();
        return builder;
    }
}
