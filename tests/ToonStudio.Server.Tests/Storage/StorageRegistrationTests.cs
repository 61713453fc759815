using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ToonStudio.Server.Storage;
using ToonStudio.Server.Storage.Azure;
using ToonStudio.Server.Storage.Postgres;

namespace ToonStudio.Server.Tests.Storage;

/// <summary>Scale-out settings are validated at start, naming the key to set.</summary>
public sealed class StorageRegistrationTests
{
    [Fact]
    public void AddPostgresJobStore_NoConnectionString_FailsNamingTheKey()
    {
        using var services = Build(new() { ["ToonStudio:Storage:Provider"] = "postgres" }, s => s.AddPostgresJobStore());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresOptions>>().Value);

        Assert.Contains("ToonStudio:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureBlobStore_NeitherConnectionStringNorServiceUri_FailsNamingBothKeys()
    {
        using var services = Build(new() { ["ToonStudio:Blobs:Container"] = "images" }, s => s.AddAzureBlobStore());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureBlobOptions>>().Value);

        Assert.Contains("ToonStudio:Blobs:ConnectionString or ToonStudio:Blobs:ServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureBlobStore_BadContainerName_Fails()
    {
        using var services = Build(new() { ["ToonStudio:Blobs:ConnectionString"] = "UseDevelopmentStorage=true", ["ToonStudio:Blobs:Container"] = "Bad_Name" },
            s => s.AddAzureBlobStore());

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureBlobOptions>>().Value);
    }

    [Fact]
    public void AddAzureBlobStore_ConnectionString_ResolvesTheConfiguredContainer()
    {
        using var services = Build(new() { ["ToonStudio:Blobs:ConnectionString"] = "UseDevelopmentStorage=true", ["ToonStudio:Blobs:Container"] = "images" },
            s => s.AddAzureBlobStore());

        Assert.IsType<AzureBlobStore>(services.GetRequiredService<IBlobStore>());
    }

    [Theory]
    [InlineData("Jobs")]
    [InlineData("toonstudio; drop table x")]
    [InlineData("")]
    public void PostgresJobStore_SchemaNotAPlainIdentifier_Throws(string schema)
    {
        using var db = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1");

        Assert.Throws<ArgumentException>(() => new PostgresJobStore(db, schema));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton(TimeProvider.System)
            .AddLogging();
        add(services);
        return services.BuildServiceProvider();
    }
}
