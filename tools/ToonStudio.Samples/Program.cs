using ToonStudio.Samples;

// Draws the repository's sample inputs (samples/) from shapes, gradients and seeded noise: same output every run.
// Usage: dotnet run --project tools/ToonStudio.Samples [-- --out DIR]
var i = Array.IndexOf(args, "--out");
var output = i >= 0 && i + 1 < args.Length ? args[i + 1] : Path.Combine(RepoRoot.Find(), "samples");
Directory.CreateDirectory(output);

foreach (var (file, bytes) in SamplePainter.WriteAll(output))
{
    Console.WriteLine($"{file,-36} {bytes / 1024,5} KB");
}

return 0;
