using ToonStudio.Server.Core;
using ToonStudio.Server.Jobs;

namespace ToonStudio.Server.Generation;

/// <summary>An uploaded image, still as sent; intake has not run yet.</summary>
public sealed record ImageUpload(string Field, byte[] Bytes);

/// <summary>A validated generation request, before intake. <see cref="GoodsTypes"/> has several entries only for a batch.</summary>
public sealed record GenerationRequest(
    JobKind Kind,
    string? Engine,
    JobParameters Parameters,
    IReadOnlyList<ImageUpload> Images,
    IReadOnlyList<string> GoodsTypes,
    string RawSeed,
    string? WebhookUrl = null);
