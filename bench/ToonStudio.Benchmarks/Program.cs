using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ToonStudio.Benchmarks -- --filter '*' --job short
// Never run from tests or CI: figures go to docs/benchmarks.md by hand, with the machine they came from.
if (args.Contains("--cpu"))
{
    ToonStudio.Benchmarks.CpuTime.Run();
    return;
}

// A generous build timeout: on a shared 2-core machine the generated project can take minutes to build.
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
