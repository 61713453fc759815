using System.Text.Json.Nodes;

namespace ToonStudio.FakeProviders;

/// <summary>The fake Files API and the fake replicate.delivery host.</summary>
public static class ReplicateFilesApi
{
    public static void MapReplicateDelivery(this WebApplication app)
    {
        // A CDN answering with a redirect: the client may follow it only within the same origin.
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        app.MapGet("/{**path}", Deliver);
    }

    internal static async Task<IResult> Upload(HttpRequest request, FakeState state, FakeUrls urls, CancellationToken ct)
    {
        if (!ReplicateApi.Authorized(request, state))
        {
            return ReplicateErrors.For(401, Scenario.Default, request.HttpContext.Response);
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("content") is not { } file)
        {
            return Results.Json(new JsonObject { ["detail"] = "content is required", ["status"] = 400 }, statusCode: 400);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var id = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-');
        var now = state.Options.Time.GetUtcNow();
        state.Files[$"files/{id}"] = new StoredFile(buffer.ToArray(), file.ContentType, now.AddHours(24), null);
        state.FileUploaded();
        return Results.Json(Describe(id, file.FileName, file.ContentType, buffer.Length, now, urls), statusCode: 201);
    }

    internal static IResult Describe(string id, HttpRequest request, FakeState state, FakeUrls urls)
    {
        if (!ReplicateApi.Authorized(request, state) || !state.Files.TryGetValue($"files/{id}", out var f))
        {
            return ReplicateErrors.For(404, Scenario.Default, request.HttpContext.Response);
        }
        return Results.Json(Describe(id, "upload", f.ContentType, f.Bytes.Length, f.ExpiresAt.AddHours(-24), urls));
    }

    private static JsonObject Describe(string id, string name, string contentType, long size, DateTimeOffset created, FakeUrls urls) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["content_type"] = contentType,
        ["size"] = size,
        ["metadata"] = new JsonObject(),
        ["created_at"] = created.UtcDateTime.ToString("O"),
        ["expires_at"] = created.AddHours(24).UtcDateTime.ToString("O"),
        ["urls"] = new JsonObject { ["get"] = FakeUrls.Join(urls.ReplicateApi, $"v1/files/{id}") },
    };

    /// <summary>The model "downloads" its inputs: data URIs decode, Files API URLs resolve, anything else draws nothing.</summary>
    internal static IReadOnlyList<byte[]> ResolveImages(string model, JsonObject input, FakeState state, FakeUrls urls)
    {
        var images = new List<byte[]>();
        foreach (var field in ReplicateSchemas.ImageFields(model) ?? [])
        {
            var value = input[field]?.ToString();
            if (value is null)
            {
                continue;
            }
            if (value.StartsWith("data:", StringComparison.Ordinal) && value.IndexOf(',', StringComparison.Ordinal) is var comma and > 0)
            {
                images.Add(Convert.FromBase64String(value[(comma + 1)..]));
            }
            else if (value.StartsWith(FakeUrls.Join(urls.ReplicateApi, "v1/files/"), StringComparison.Ordinal)
                && state.Files.TryGetValue("files/" + value[(value.LastIndexOf('/') + 1)..], out var file))
            {
                images.Add(file.Bytes);
            }
        }
        return images;
    }

    private static IResult Deliver(string path, FakeState state)
    {
        if (!state.Files.TryGetValue(path, out var file) || path.StartsWith("files/", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }
        if (file.ScenarioKey is not null)
        {
            state.Counters(file.ScenarioKey).Download();
        }
        return file.ExpiresAt <= state.Options.Time.GetUtcNow() ? Results.NotFound() : Results.Bytes(file.Bytes, file.ContentType);
    }
}
