using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace ToonStudio.Deploy.Tests.Manifests;

/// <summary>
/// What the real server answers, read from its own endpoint data sources and web root (started in-process, in
/// the Production environment the container runs in), so manifests are checked against the code, not a list.
/// </summary>
public sealed class ServerRoutes : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "toonstudio-deploy-tests-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _factory;

    public ServerRoutes()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting("ToonStudio:DataPath", _dataPath));
        var services = _factory.Services;
        Routes = [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new ServerRoute(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))];
        Files = [.. ListFiles(services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider, "")];
    }

    public IReadOnlyList<ServerRoute> Routes { get; }

    /// <summary>Static files under wwwroot, as request paths (<c>/css/app.css</c>).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every path a client may request, routes and files.</summary>
    public IEnumerable<string> Paths => Routes.Select(r => r.Pattern).Concat(Files);

    public bool HasGet(string path) => Routes.Any(r => (r.Methods.Count == 0 || r.Methods.Contains("GET")) && PathPattern.Matches(r.Pattern, path, prefix: false));

    private static IEnumerable<string> ListFiles(IFileProvider provider, string folder)
    {
        foreach (var entry in provider.GetDirectoryContents(folder))
        {
            var path = folder + "/" + entry.Name;
            if (entry.IsDirectory)
            {
                foreach (var file in ListFiles(provider, path))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}

public sealed record ServerRoute(string Pattern, IReadOnlyList<string> Methods);
