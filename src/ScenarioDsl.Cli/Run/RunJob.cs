using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Results;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Cli.Run;

/// <summary>One run to do: a scenario (or suite case) with its seed, and an agent.</summary>
public sealed record RunJob(Scenario Scenario, int Seed, IAgent Agent)
{
    public string Key => RunRecord.KeyOf(Scenario.Suite, Scenario.Name, Seed, Agent.Name);

    public string Label => RunRecord.Describe(Scenario.Suite, Scenario.Name, Seed, Agent.Name);
}
