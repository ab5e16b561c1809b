using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, for example:
//   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*Parse*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
