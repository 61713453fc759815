using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ToonStudio.Benchmarks -- --filter '*' --job short
// Never run from tests or CI: figures go to docs/benchmarks.md by hand, with the machine they came from.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
