using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Runtime.Tests.Infrastructure;

/// <summary>Small definitions built in code, so each test states its whole scenario.</summary>
internal static class Build
{
    public static SpaceDefinition Space(params (string Name, double Low, double High)[] dims) =>
        new("S", dims.Select(d => new Dimension(d.Name, d.Low, d.High)).ToArray());

    public static RuleDefinition Rule(string cue, params (int Dim, double Amount)[] effects) =>
        new(cue, Array.Empty<Condition>(), effects.Select(e => new Effect(e.Dim, e.Amount)).ToArray());

    public static RuleDefinition RuleWhen(string cue, Condition condition, params (int Dim, double Amount)[] effects) =>
        new(cue, [condition], effects.Select(e => new Effect(e.Dim, e.Amount)).ToArray());

    public static GoalDefinition Target(SpaceDefinition space, double within, int turns, params (int Dim, double Value)[] target) =>
        new("G", space, GoalKind.Target, target.Select(t => new GoalComponent(t.Dim, t.Value)).ToArray(), within, turns);

    public static IReadOnlyList<CueDefinition> Cues { get; } =
    [
        new("validation", ["that makes sense", "understandable"]),
        new("advice", ["you should"]),
        new("question", ["?"]),
    ];

    public static Scenario Scenario(PersonaDefinition persona, GoalDefinition goal, int seed = 0) =>
        new("T", persona, goal, seed, Cues);

    public static ScriptedAgent Script(params string[] lines) => new(lines);
}
