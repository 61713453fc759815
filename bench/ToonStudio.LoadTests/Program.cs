using ToonStudio.LoadTests;

// dotnet run -c Release --project bench/ToonStudio.LoadTests -- claims [jobs] [workers]          (claims-sqlite: the same on SQLite)
// dotnet run -c Release --project bench/ToonStudio.LoadTests -- e2e [jobs] [replicas, e.g. 1,2,3]
// dotnet run -c Release --project bench/ToonStudio.LoadTests -- process [jobs] [compatible]   (one server process, SQLite; needs nginx and wrk)
// Needs TOONSTUDIO_TEST_POSTGRES (and for e2e TOONSTUDIO_TEST_AZURITE): `source scripts/test-services.sh && start_test_services`.
var mode = args.ElementAtOrDefault(0) ?? "claims";
int Arg(int i, int fallback) => int.TryParse(args.ElementAtOrDefault(i), out var v) && v > 0 ? v : fallback;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {MachineInfo.CpuModel()}, .NET {Environment.Version}");
switch (mode)
{
    case "claims":
        await ClaimBenchmark.RunAsync(Arg(1, 20_000), Arg(2, 8));
        break;
    case "claims-sqlite":
        await ClaimBenchmark.RunSqliteAsync(Arg(1, 20_000), Arg(2, 8));
        break;
    case "e2e":
        var replicas = (args.ElementAtOrDefault(2) ?? "1,2,3").Split(',').Select(int.Parse).ToArray();
        await EndToEndBenchmark.RunAsync(Arg(1, 150), replicas);
        break;
    case "process":
        await ToonStudio.LoadTests.WholeProcess.WholeProcessLoad.RunAsync(Arg(1, 500), Arg(2, 200));
        break;
    default:
        Console.Error.WriteLine("usage: claims [jobs] [workers] | e2e [jobs] [replicas] | process [jobs] [compatible]");
        return 2;
}
return 0;
