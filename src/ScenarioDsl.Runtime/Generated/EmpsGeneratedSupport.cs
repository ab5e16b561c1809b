using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Generated;

/// <summary>Helpers generated code calls, so it builds exactly what the interpreter builds.</summary>
public static class EmpsGeneratedSupport
{
    /// <summary>
    /// The cues of a scenario for <paramref name="persona"/>: every declared cue, or when there are more than a
    /// cue table holds, only the cues the persona's rules name (the interpreter's rule, ModelInterpreter.CuesFor).
    /// </summary>
    public static IEnumerable<CueDefinition> CuesFor(IReadOnlyList<CueDefinition> declared, PersonaDefinition persona)
    {
        if (declared.Count < CueTable.MaxCues) return declared;
        var used = new HashSet<string>(persona.Rules.Select(r => r.Cue), StringComparer.Ordinal);
        return declared.Where(c => used.Contains(c.Name));
    }

    /// <summary>A generated scenario or suite case over the declared cues.</summary>
    public static EmpsScenario<TState> CreateScenario<TState>(
        string name,
        EmpsPersona<TState> persona,
        EmpsGoal<TState> goal,
        int seed,
        IReadOnlyList<CueDefinition> declaredCues,
        string? suite = null)
        where TState : struct, IEmpsState<TState>
    {
        var scenario = new Running.Scenario(name, persona.Definition, goal.Definition, seed, CuesFor(declaredCues, persona.Definition), suite: suite);
        return new EmpsScenario<TState>(scenario, persona, goal);
    }
}
