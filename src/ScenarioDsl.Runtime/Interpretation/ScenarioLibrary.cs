using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Interpretation;

/// <summary>The runnable scenarios and suites of one compilation.</summary>
public sealed record ScenarioLibrary(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<SuiteDefinition> Suites)
{
    /// <summary>Every run target: the scenarios, then every suite's cases.</summary>
    public IEnumerable<Scenario> AllRuns() => Scenarios.Concat(Suites.SelectMany(s => s.Cases));
}
