using System.Reflection;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Benchmarks.Generators;

/// <summary>
/// One state update per turn (ApplyRules with every cue present, then SPEC 2.1 steps 4-5) for the spec
/// example's persona: the generated, compiled rules against the interpreter's, and ApplyRules alone.
/// 1,000 turns per invocation; every cue present, so all seven rules are tested and five fire.
///   dotnet run -c Release --project tests/ScenarioDsl.Benchmarks -- --filter '*RuleStepBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class RuleStepBenchmarks
{
    private const int Turns = 1000;
    private IPersonaDynamics _compiled = null!;
    private IPersonaDynamics _interpreted = null!;
    private double[] _start = [];
    private double[] _state = [];
    private double[] _delta = [];
    private double[] _next = [];
    private CueSet _cues;
    private IReadOnlyList<Dimension> _dimensions = [];
    private double _drift;

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(FindRepoRoot(), "scenarios", "student-under-pressure.emps");
        string text = File.ReadAllText(path);
        var interpreted = ModelInterpreter.Load(text, path).Scenarios.Single(s => s.Name == "StudentUnderPressure");
        var compiled = CompileScenario(path, text);
        _interpreted = interpreted.Dynamics;
        _compiled = compiled.Dynamics;
        if (!_compiled.GetType().Name.EndsWith("__Dynamics", StringComparison.Ordinal))
            throw new InvalidOperationException("the generated scenario does not use compiled rules");
        _start = interpreted.Persona.Start.ToArray();
        _dimensions = interpreted.Persona.Space.Dimensions;
        _drift = interpreted.Persona.Drift;
        _cues = interpreted.Cues.SetOf(interpreted.Cues.Cues.Select(c => c.Name));
        _delta = new double[_start.Length];
        _next = new double[_start.Length];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Turns)]
    public double Interpreted() => Run(_interpreted);

    [Benchmark(OperationsPerInvoke = Turns)]
    public double Generated() => Run(_compiled);

    /// <summary>ApplyRules alone (the part the generator compiles), interpreted.</summary>
    [Benchmark(OperationsPerInvoke = Turns)]
    public double InterpretedApplyRules() => Rules(_interpreted);

    /// <summary>ApplyRules alone, generated.</summary>
    [Benchmark(OperationsPerInvoke = Turns)]
    public double GeneratedApplyRules() => Rules(_compiled);

    private double Rules(IPersonaDynamics dynamics)
    {
        var state = _start;
        var delta = _delta;
        for (int t = 0; t < Turns; t++)
        {
            dynamics.ApplyRules(state, _cues, delta);
        }
        double sum = delta[0];
        Array.Clear(delta);
        return sum;
    }

    private double Run(IPersonaDynamics dynamics)
    {
        _state = (double[])_start.Clone();
        var state = _state;
        var next = _next;
        for (int t = 0; t < Turns; t++)
        {
            Array.Clear(_delta);
            dynamics.ApplyRules(state, _cues, _delta);
            RunLoop.Step(state, _start, _delta, _drift, 0, null, _dimensions, next);
            (state, next) = (next, state);
        }
        _next = next;
        return state[0];
    }

    /// <summary>Runs the generator in memory, compiles its output and returns the generated scenario.</summary>
    private static Scenario CompileScenario(string path, string text)
    {
        var compilation = BenchmarkInputs.Compilation();
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
