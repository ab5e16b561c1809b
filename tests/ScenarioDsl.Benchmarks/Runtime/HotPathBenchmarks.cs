using BenchmarkDotNet.Attributes;
using ScenarioDsl.Runtime.Cues;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Benchmarks.Runtime;

/// <summary>The per-turn pieces alone: rule evaluation, cue detection with mirroring, one state step.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const string Reply = "That makes sense, it sounds like the exams next week weigh on you. Have you tried a plan?";
    private const string Persona = "I have three exams next week and I can't stop panicking.";

    private IPersonaDynamics _dynamics = null!;
    private ICueDetector _detector = null!;
    private PersonaDefinition _persona = null!;
    private CueSet _cues;
    private readonly double[] _state = [-0.3, -0.2, -0.6, 0.5];
    private readonly double[] _start = [-0.3, -0.2, -0.6, 0.8];
    private readonly double[] _delta = new double[4];
    private readonly double[] _next = new double[4];

    [GlobalSetup]
    public void Setup()
    {
        var scenario = BenchmarkScenarios.Load(BenchmarkScenarios.LongRun).Scenarios[0];
        _dynamics = scenario.Dynamics;
        _detector = scenario.Detector;
        _persona = scenario.Persona;
        _cues = _detector.Detect(Reply, Persona);
    }

    [Benchmark]
    public double ApplyRules()
    {
        Array.Clear(_delta);
        _dynamics.ApplyRules(_state, _cues, _delta);
        return _delta[3];
    }

    [Benchmark]
    public ulong DetectCues() => _detector.Detect(Reply, Persona).Bits;

    [Benchmark]
    public double Step()
    {
        RunLoop.Step(_state, _start, _delta, _persona.Drift, 0.0, null, _persona.Space.Dimensions, _next);
        return _next[0];
    }
}
