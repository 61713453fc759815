using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Jobs;

/// <summary>Registers the run side of jobs: the runner, its executor, control (cancel, delete), waiting and retention.</summary>
public static class JobsExtensions
{
    /// <summary>The runner, control, waiter, ETA and retention.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<JobFiles>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddHostedService<JobRetentionService>();
        services.AddSingleton<JobControl>();
        services.AddSingleton<JobWaiter>();
        services.AddSingleton<ShutdownClock>();
        services.AddSingleton<EtaEstimator>();
        // Give running jobs their grace period on SIGTERM before the host gives up on them.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
