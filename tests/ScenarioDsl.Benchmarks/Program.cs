using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, for example:
//   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*Parse*'
// or, with --gc-probe, the parse + bind probe of docs/performance.md (Language/GcProbe.cs), or with
// --edit-probe, the generator's one-file edit probe (Generators/EditProbe.cs), or with --bind-probe,
// the language core's one-file edit (Language/BindProbe.cs: WithText and binding, no Roslyn), or with
// --edit-loop N [floor], N generator edits with nothing attached, for an external profiler.
if (args.Length > 0 && args[0] == "--gc-probe")
    ScenarioDsl.Benchmarks.Language.GcProbe.Run();
else if (args.Length > 0 && args[0] == "--edit-probe")
    ScenarioDsl.Benchmarks.Generators.EditProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
else if (args.Length > 0 && args[0] == "--edit-loop")
    ScenarioDsl.Benchmarks.Generators.EditProbe.Loop(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000, args.Length > 2 && args[2] == "floor");
else if (args.Length > 0 && args[0] == "--bind-probe")
    ScenarioDsl.Benchmarks.Language.BindProbe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40);
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
