using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using ToonStudio.Cli.Api;

namespace ToonStudio.Cli.Smoke;

/// <summary>
/// The runbook's post-deploy check: health, readiness, one PPL and one goods job end to end (result downloaded
/// and checked to be an image), with timings. Exit 0 pass, 1 a check failed, 2 the server cannot be reached.
/// </summary>
internal sealed class SmokeCommand(IAnsiConsole console) : AsyncCommand<SmokeCommand.SmokeSettings>
{
    /// <summary>The smoke command's options: the server, and the engine for each kind.</summary>
    public sealed class SmokeSettings : ServerSettings
    {
        [CommandOption("--ppl-engine <ENGINE>")]
        [Description("local, replicate or bfl; default: the server's choice")]
        public string? PplEngine { get; init; }

        [CommandOption("--goods-engine <ENGINE>")]
        [Description("local, replicate or bfl; default: the server's choice")]
        public string? GoodsEngine { get; init; }

        [CommandOption("--goods-type <TYPE>")]
        [DefaultValue("mug")]
        public string GoodsType { get; init; } = "mug";
    }

    /// <summary>One check of the smoke run, as a row of its table.</summary>
    private sealed record Row(string Check, bool Passed, string Detail, string Engine, string JobId, TimeSpan Time);

    public override async Task<int> ExecuteAsync(CommandContext context, SmokeSettings settings, CancellationToken cancellationToken)
    {
        using var client = ToonStudioClient.Create(settings);
        var rows = new List<Row>();
        try
        {
            rows.Add(await CheckAsync("healthz", () => client.GetTextAsync("healthz", cancellationToken)));
            rows.Add(await CheckAsync("readyz", () => client.GetTextAsync("readyz", cancellationToken)));
            rows.Add(await JobAsync(client, "ppl", "api/v1/ppl", PplForm(settings), settings, cancellationToken));
            rows.Add(await JobAsync(client, "goods", "api/v1/goods", GoodsForm(settings), settings, cancellationToken));
        }
        catch (ServerUnreachableException ex)
        {
            console.MarkupLineInterpolated($"[red]FAIL[/] {ex.Message}");
            return ExitCodes.Unreachable;
        }

        var table = new Table().AddColumns("check", "result", "engine", "job", "time");
        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.Check), r.Passed ? "[green]pass[/]" : $"[red]FAIL[/] {Markup.Escape(r.Detail)}",
                Markup.Escape(r.Engine), Markup.Escape(r.JobId), $"{r.Time.TotalSeconds:0.0} s");
        }

        console.Write(table);
        var passed = rows.All(r => r.Passed);
        console.MarkupLine(passed ? $"[green]smoke passed[/] against {Markup.Escape(client.Server.ToString())}"
            : $"[red]smoke FAILED[/] against {Markup.Escape(client.Server.ToString())}");
        return passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<Row> CheckAsync(string path, Func<Task<string>> get)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await get();
            return new Row(path, true, "", "", "", Stopwatch.GetElapsedTime(started));
        }
        catch (ApiException ex)
        {
            return new Row(path, false, ex.Message, "", "", Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<Row> JobAsync(ToonStudioClient client, string name, string path, MultipartFormDataContent form, SmokeSettings settings, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var job = await client.RunJobAsync(path, form, null, DateTimeOffset.UtcNow.AddSeconds(settings.TimeoutSeconds), ct);
            if (job.Status != "succeeded" || job.ResultUrl is null)
            {
                var detail = job.IsTerminal ? job.Outcome : $"still {job.Status} after {settings.TimeoutSeconds} s";
                return new Row(name, false, detail, job.Engine, job.Id, Stopwatch.GetElapsedTime(started));
            }

            var (bytes, _) = await client.DownloadAsync(job.ResultUrl, ct);
            var image = ImageMagic.Extension(bytes);
            return new Row(name, image is not null, image is null ? "result is not an image" : $"{image}, {bytes.Length} bytes",
                job.Engine, job.Id, Stopwatch.GetElapsedTime(started));
        }
        catch (ApiException ex)
        {
            return new Row(name, false, ex.Message, "", "", Stopwatch.GetElapsedTime(started));
        }
    }

    private static MultipartFormDataContent PplForm(SmokeSettings settings)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("The character holding the product, smiling, studio light"), "prompt" },
            { new StringContent("1:1"), "aspect_ratio" },
            { new StringContent("png"), "output_format" },
            { ToonStudioClient.ImageContent(SmokeImages.Character(), "image/png"), "input_image_1", "character.png" },
            { ToonStudioClient.ImageContent(SmokeImages.Product(), "image/png"), "input_image_2", "product.png" },
        };
        if (settings.PplEngine is { } engine)
        {
            form.Add(new StringContent(engine), "engine");
        }

        return form;
    }

    private static MultipartFormDataContent GoodsForm(SmokeSettings settings)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(settings.GoodsType), "goods_type" },
            { new StringContent("png"), "output_format" },
            { ToonStudioClient.ImageContent(SmokeImages.Character(), "image/png"), "input_image", "character.png" },
        };
        if (settings.GoodsEngine is { } engine)
        {
            form.Add(new StringContent(engine), "engine");
        }

        return form;
    }
}
