using Microsoft.Extensions.Options;
using Npgsql;
using ToonStudio.Server.Jobs;
using ToonStudio.Server.Storage;

namespace ToonStudio.Server.Storage.Postgres;

/// <summary>Registers the PostgreSQL job store and event bus.</summary>
public static class PostgresStorageExtensions
{
    /// <summary>
    /// The job store and the LISTEN/NOTIFY event bus on one PostgreSQL data source (one connection pool per process;
    /// the bus keeps one of its connections for LISTEN, retention leadership another).
    /// </summary>
    public static IServiceCollection AddPostgresJobStore(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.AddSingleton(sp => new PostgresJobStore(sp.GetRequiredService<NpgsqlDataSource>(), Schema(sp)));
        services.AddSingleton<IJobStore>(sp => sp.GetRequiredService<PostgresJobStore>());
        services.AddSingleton(sp => new PostgresJobEventBus(sp.GetRequiredService<NpgsqlDataSource>(), Schema(sp),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresJobEventBus>>()));
        services.AddSingleton<IJobEventBus>(sp => sp.GetRequiredService<PostgresJobEventBus>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresJobEventBus>());
        return services;
    }

    private static string Schema(IServiceProvider sp) => sp.GetRequiredService<IOptions<PostgresOptions>>().Value.Schema;
}
