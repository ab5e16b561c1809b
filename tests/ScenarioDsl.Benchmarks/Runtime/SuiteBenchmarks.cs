using BenchmarkDotNet.Attributes;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Benchmarks.Runtime;

/// <summary>
/// The whole shipped library (scenarios/, every scenario and suite case) x seeds 1..5 x the four
/// reference agents, run one after the other: the "full suite x 5 seeds" target (&lt; 1 s).
/// </summary>
[MemoryDiagnoser]
public class SuiteBenchmarks
{
    private Scenario[] _runs = null!;
    private IAgent[] _agents = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runs = BenchmarkScenarios.LoadShipped().AllRuns()
            .SelectMany(s => Enumerable.Range(1, 5).Select(s.WithSeed))
            .ToArray();
        _agents = AgentCatalog.BuiltInNames.Select(n => AgentCatalog.Create(n)).ToArray();
    }

    [Benchmark]
    public int ShippedLibraryTimesFiveSeedsTimesFourAgents()
    {
        int turns = 0;
        foreach (var scenario in _runs)
            foreach (var agent in _agents)
                turns += scenario.Run(agent).Turns;
        return turns;
    }
}
