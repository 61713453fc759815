using Microsoft.Extensions.Options;
using ToonStudio.Server.Core;
using ToonStudio.Server.Errors;

namespace ToonStudio.Server.Ops;

/// <summary>Refuses creating jobs of a generator this process does not serve (<see cref="ServeOptions"/>).</summary>
internal sealed class ServeMiddleware(RequestDelegate next, IOptions<ServeOptions> options)
{
    private static readonly (string Prefix, string Generator)[] CreationPaths =
    [
        ("/api/ppl-gen", "ppl"), ("/api/v1/ppl", "ppl"), ("/api/goods-gen", "goods"), ("/api/v1/goods", "goods"),
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        var served = options.Value.Served;
        foreach (var (prefix, generator) in CreationPaths)
        {
            if (!served.Contains(generator) && HttpMethods.IsPost(context.Request.Method)
                && context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var reason = $"This deployment serves {string.Join(',', served)}; {prefix} belongs to the {generator} Deployment (check the Ingress).";
                await Problems.Create(context, ErrorCode.NotFound, reason, "path").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
