using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Randomness;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>
/// One whole per-turn state update (SPEC 2.1 steps 3-5) for the spec example's persona, every cue present (all
/// seven rules tested, five fire), exactly as the run loop performs it on each side:
/// Interpreted = <c>Array.Clear(delta)</c>, <see cref="InterpretedPersonaDynamics.ApplyRules"/>, <see cref="RunLoop.Step"/>;
/// Generated = the generated <see cref="ICompiledStep.Step"/> (rules, drift, noise, clamping with constants), from the
/// generator's output compiled in memory. <see cref="Noise"/> = true: the persona as declared (noise 0.01, four
/// normal draws per turn from the run's RNG); false: the same persona with <c>noise 0</c>, i.e. the deterministic
/// part alone. 1,000 turns per invocation; the setup checks that both sides produce the same bits. The generated
/// code is compiled with optimizations (until 2026-11-23 it was compiled as Debug, so the JIT ran it unoptimized).
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*RuleStepBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RuleStepBenchmarks
{
    private const int Turns = 1000;
    private IPersonaDynamics _interpreted = null!;
    private ICompiledStep _compiled = null!;
    private double[] _start = [];
    private double[] _state = [];
    private double[] _delta = [];
    private double[] _next = [];
    private CueSet _cues;
    private IReadOnlyList<Dimension> _dimensions = [];
    private double _drift;
    private double _noise;
    private SeededRandom? _interpretedRandom;
    private SeededRandom? _generatedRandom;

    /// <summary>The persona's declared noise (true) or noise 0 (false).</summary>
    [Params(true, false)]
    public bool Noise { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(FindRepoRoot(), "scenarios", "student-under-pressure.emps");
        string text = File.ReadAllText(path);
        if (!Noise)
        {
            if (!text.Contains("noise 0.01", StringComparison.Ordinal)) throw new InvalidOperationException("the spec example no longer declares noise 0.01");
            text = text.Replace("noise 0.01", "noise 0", StringComparison.Ordinal);
        }
        var interpreted = ModelInterpreter.Load(text, path).Scenarios.Single(s => s.Name == "StudentUnderPressure");
        var compiled = CompileScenario(path, text);
        _interpreted = interpreted.Dynamics;
        _compiled = compiled.CompiledStep ?? throw new InvalidOperationException("the generated scenario has no compiled step");
        if (interpreted.CompiledStep is not null) throw new InvalidOperationException("the interpreter uses a compiled step");
        _start = interpreted.Persona.Start.ToArray();
        _dimensions = interpreted.Persona.Space.Dimensions;
        _drift = interpreted.Persona.Drift;
        _noise = interpreted.Persona.Noise;
        _cues = interpreted.Cues.SetOf(interpreted.Cues.Cues.Select(c => c.Name));
        _delta = new double[_start.Length];
        _next = new double[_start.Length];

        // Both sides do the same work: same bits after a whole invocation from the same RNG seed.
        _interpretedRandom = _noise > 0 ? new SeededRandom(7) : null;
        _generatedRandom = _noise > 0 ? new SeededRandom(7) : null;
        double[] a = [.. Run(_interpretedRandom, interpreted: true).State];
        double[] b = [.. Run(_generatedRandom, interpreted: false).State];
        if (!a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits)))
            throw new InvalidOperationException("the generated and interpreted updates disagree");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Turns)]
    public double Interpreted() => Run(_interpretedRandom, interpreted: true).Value;

    [Benchmark(OperationsPerInvoke = Turns)]
    public double Generated() => Run(_generatedRandom, interpreted: false).Value;

    private (double Value, double[] State) Run(SeededRandom? random, bool interpreted)
    {
        _state = (double[])_start.Clone();
        var state = _state;
        var next = _next;
        if (interpreted)
        {
            for (int t = 0; t < Turns; t++)
            {
                Array.Clear(_delta);
                _interpreted.ApplyRules(state, _cues, _delta);
                RunLoop.Step(state, _start, _delta, _drift, _noise, random, _dimensions, next);
                (state, next) = (next, state);
            }
        }
        else
        {
            for (int t = 0; t < Turns; t++)
            {
                _compiled.Step(state, _cues, random, next);
                (state, next) = (next, state);
            }
        }
        _next = next;
        return (state[0], state);
    }

    /// <summary>
    /// Runs the generator in memory, compiles its output optimized (as a Release build of a user's project does: a
    /// Debug compilation marks the assembly so that the JIT does not optimize it) and returns the generated scenario.
    /// </summary>
    private static Scenario CompileScenario(string path, string text)
    {
        var compilation = BenchmarkInputs.Compilation();
        compilation = compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release));
        BenchmarkInputs.Driver([new BenchmarkInputs.Text(path, text)]).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        var assembly = Assembly.Load(stream.ToArray());
        var typed = assembly.GetType("Bench.Generated.Scenarios")!.GetProperty("StudentUnderPressure")!.GetValue(null)!;
        return (Scenario)typed.GetType().GetProperty("Definition")!.GetValue(typed)!;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ScenarioDsl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ScenarioDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
