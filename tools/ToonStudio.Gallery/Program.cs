using ToonStudio.Gallery;

// Renders every goods template and three PPL layouts from the repository's sample inputs (samples/) into docs/gallery/.
// Usage: dotnet run --project tools/ToonStudio.Gallery [-- --samples DIR] [--out DIR] [--full]
var samples = Args.Value(args, "--samples") ?? SamplesFolder.Find();
var output = Args.Value(args, "--out") ?? Path.Combine(RepoRoot.Find(), "docs", "gallery");
var full = args.Contains("--full");
Directory.CreateDirectory(output);

var written = GalleryRenderer.RenderAll(samples, output, full);
foreach (var (file, bytes) in written)
{
    Console.WriteLine($"{file,-40} {bytes / 1024,5} KB");
}

return 0;
