using System.Collections.Concurrent;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using ToonStudio.Cli.Api;

namespace ToonStudio.Cli.Batch;

/// <summary>
/// Goods for a folder of characters: every character × every type, with a progress bar. Resumable: results
/// already in --out are skipped, and each job carries an Idempotency-Key so an interrupted run's jobs are picked
/// up, not paid twice. Exit 0 all done, 1 some failed, 2 the server cannot be reached.
/// </summary>
internal sealed class BatchCommand(IAnsiConsole console) : AsyncCommand<BatchCommand.BatchSettings>
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".webp"];

    /// <summary>The batch command's options: the characters' folder, the goods types and where results go.</summary>
    public sealed class BatchSettings : ServerSettings
    {
        [CommandOption("--characters <DIR>")]
        [Description("Folder of character images (PNG, JPEG, WebP)")]
        public string Characters { get; init; } = "";

        [CommandOption("--types <TYPES>")]
        [Description("Comma-separated goods types, e.g. mug,sticker,tshirt (GET /api/v1/goods/types lists them)")]
        public string Types { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Where results go: <DIR>/<character>/<type>.<ext>")]
        public string Out { get; init; } = "";

        [CommandOption("--engine <ENGINE>")]
        public string? Engine { get; init; }

        [CommandOption("--prompt <TEXT>")]
        public string? Prompt { get; init; }

        [CommandOption("--parallel <N>")]
        [DefaultValue(4)]
        public int Parallel { get; init; } = 4;

        [CommandOption("--print-files")]
        [Description("Also download each job's artifacts (print file, cut line)")]
        public bool PrintFiles { get; init; }

        public string[] TypeList => Types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public override ValidationResult Validate() =>
            !Directory.Exists(Characters) ? ValidationResult.Error($"--characters: folder '{Characters}' does not exist")
            : TypeList.Length == 0 ? ValidationResult.Error("--types: name at least one goods type, e.g. --types mug,sticker")
            : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out: name the output folder")
            : Parallel is < 1 or > 32 ? ValidationResult.Error("--parallel: 1 to 32")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, BatchSettings settings, CancellationToken cancellationToken)
    {
        var characters = Directory.EnumerateFiles(settings.Characters)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal).ToList();
        var items = characters.SelectMany(c => settings.TypeList.Select(t =>
            new BatchItem(c, t, Path.Combine(settings.Out, Path.GetFileNameWithoutExtension(c))))).ToList();
        var pending = items.Where(i => !i.IsDone).ToList();
        console.MarkupLineInterpolated($"{characters.Count} characters × {settings.TypeList.Length} types: {items.Count - pending.Count} already done, {pending.Count} to make");

        using var client = ToonStudioClient.Create(settings);
        var failures = new ConcurrentBag<(string Item, string Why)>();
        var runner = new BatchRunner(client, settings);
        try
        {
            await console.Progress().StartAsync(async progress =>
            {
                var bar = progress.AddTask("goods", maxValue: Math.Max(1, pending.Count));
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken },
                    async (item, ct) =>
                    {
                        if (await runner.RunAsync(item, ct) is { } why)
                        {
                            failures.Add((item.Name, why));
                        }

                        bar.Increment(1);
                    });
            });
        }
        catch (ServerUnreachableException ex)
        {
            console.MarkupLineInterpolated($"[red]FAIL[/] {ex.Message} Rerun the same command to resume.");
            return ExitCodes.Unreachable;
        }

        foreach (var (item, why) in failures.OrderBy(f => f.Item, StringComparer.Ordinal))
        {
            console.MarkupLineInterpolated($"[red]FAIL[/] {item}: {why}");
        }

        console.MarkupLineInterpolated($"{pending.Count - failures.Count} made, {items.Count - pending.Count} skipped (already done), {failures.Count} failed");
        return failures.IsEmpty ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
