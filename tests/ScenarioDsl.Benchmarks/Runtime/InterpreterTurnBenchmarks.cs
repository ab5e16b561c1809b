using BenchmarkDotNet.Attributes;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Benchmarks.Runtime;

/// <summary>
/// One interpreted run of 100 turns per invocation; OperationsPerInvoke makes every figure per turn
/// (time per turn, bytes allocated per turn). Turns per second = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
public class InterpreterTurnBenchmarks
{
    private Scenario _scenario = null!;
    private IAgent _agent = null!;

    [Params("scripted", "generic", "aligned")]
    public string Agent { get; set; } = "generic";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = BenchmarkScenarios.Load(BenchmarkScenarios.LongRun).Scenarios[0];
        _agent = Agent == "scripted"
            ? new ScriptedAgent(["That makes sense. It sounds like you are under a lot of pressure?"])
            : AgentCatalog.Create(Agent);
        if (_scenario.Run(_agent).Turns != BenchmarkScenarios.LongRunTurns) throw new InvalidOperationException("the long run converged");
    }

    [Benchmark(OperationsPerInvoke = BenchmarkScenarios.LongRunTurns)]
    public int Turn() => _scenario.Run(_agent).Turns;
}
