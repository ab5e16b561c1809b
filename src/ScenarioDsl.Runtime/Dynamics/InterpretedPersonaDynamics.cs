using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Runtime.Dynamics;

/// <summary>Evaluates a persona's rules and says lines as data (the interpreter's dynamics).</summary>
public sealed class InterpretedPersonaDynamics : IPersonaDynamics
{
    public const string Silence = "...";

    private readonly Rule[] _rules;
    private readonly SaysDefinition[] _says;

    public InterpretedPersonaDynamics(PersonaDefinition persona, CueTable table)
    {
        _rules = persona.Rules
            .Select(r => new Rule(table.IndexOf(r.Cue), r.Conditions.ToArray(), r.Effects.ToArray()))
            .ToArray();
        _says = persona.Says.ToArray();
    }

    public void ApplyRules(ReadOnlySpan<double> state, CueSet cues, Span<double> delta)
    {
        foreach (var rule in _rules)
        {
            if (!cues.Contains(rule.CueIndex) || !AllHold(rule.Conditions, state)) continue;
            foreach (var effect in rule.Effects)
                delta[effect.Dimension] += effect.Amount;
        }
    }

    public string Say(ReadOnlySpan<double> state)
    {
        foreach (var says in _says)
            if (AllHold(says.Conditions, state)) return says.Text;
        return Silence;
    }

    private static bool AllHold(IReadOnlyList<Condition> conditions, ReadOnlySpan<double> state)
    {
        for (int i = 0; i < conditions.Count; i++)
            if (!conditions[i].Holds(state)) return false;
        return true;
    }

    // A cue unknown to the table gets index -1: CueSet.Contains(-1) is false, so the rule never fires.
    private sealed record Rule(int CueIndex, Condition[] Conditions, Effect[] Effects);
}
