using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, for example:
//   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*Parse*'
// or, with --gc-probe, the parse + bind probe of docs/performance.md (Language/GcProbe.cs).
if (args.Length > 0 && args[0] == "--gc-probe")
    ScenarioDsl.Benchmarks.Language.GcProbe.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
