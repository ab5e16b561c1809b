using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Interpretation;

/// <summary>A suite: its cases (persona x goal x seed), each a runnable scenario named <c>Persona_Goal_sSeed</c>.</summary>
public sealed record SuiteDefinition(string Name, IReadOnlyList<Scenario> Cases);
