using System.Security.Cryptography;
using System.Text;

namespace ToonStudio.Cli.Batch;

/// <summary>One character × one goods type, and where its result goes: <c>{out}/{character}/{type}.{ext}</c>.</summary>
internal sealed record BatchItem(string CharacterFile, string GoodsType, string OutputFolder)
{
    public string Character => Path.GetFileNameWithoutExtension(CharacterFile);

    public string Name => $"{Character}/{GoodsType}";

    /// <summary>Done when a result file exists: a rerun skips it (results are written atomically).</summary>
    public bool IsDone => Directory.Exists(OutputFolder)
        && Directory.EnumerateFiles(OutputFolder, GoodsType + ".*").Any(f => !f.EndsWith(".partial", StringComparison.Ordinal));

    /// <summary>
    /// Same input, type, engine and prompt → same key, so a rerun after an interruption gets the job the server
    /// already has (running or finished) instead of paying for a second generation.
    /// </summary>
    public string IdempotencyKey(byte[] image, string? engine, string? prompt)
    {
        var fields = Encoding.UTF8.GetBytes($"toonstudio-batch\n{GoodsType}\n{engine}\n{prompt}\n");
        return "batch-" + Convert.ToHexStringLower(SHA256.HashData([.. fields, .. image]))[..40];
    }

    public async Task SaveAsync(string fileName, byte[] bytes, CancellationToken ct)
    {
        Directory.CreateDirectory(OutputFolder);
        var target = Path.Combine(OutputFolder, fileName);
        var partial = target + ".partial";
        await File.WriteAllBytesAsync(partial, bytes, ct);
        File.Move(partial, target, overwrite: true);
    }
}
