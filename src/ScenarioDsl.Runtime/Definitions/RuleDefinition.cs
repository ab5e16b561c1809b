namespace ScenarioDsl.Runtime.Definitions;

/// <summary><c>on Cue when conditions =&gt; effects</c>, kept as data so agents can read a persona's rules.</summary>
public sealed record RuleDefinition(string Cue, IReadOnlyList<Condition> Conditions, IReadOnlyList<Effect> Effects);
