// Every test here is a pure unit test (SkiaSharp in memory, no server, network, database or browser): the whole
// assembly belongs to the fast subset, `dotnet test ToonStudio.slnx --filter Category=Unit`.
[assembly: AssemblyTrait("Category", "Unit")]
