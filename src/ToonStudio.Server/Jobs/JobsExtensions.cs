using ToonStudio.Server.Generation;

namespace ToonStudio.Server.Jobs;

public static class JobsExtensions
{
    /// <summary>Options, intake, job creation, the runner and retention.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ToonStudioOptions>().BindConfiguration(ToonStudioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IntakeService>();
        services.AddSingleton<JobResultWriter>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddHostedService<JobRetentionService>();
        services.AddSingleton<JobService>();
        services.AddSingleton<JobWaiter>();
        services.AddSingleton<ShutdownClock>();
        services.AddSingleton<EtaEstimator>();
        // Give running jobs their grace period on SIGTERM before the host gives up on them.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
