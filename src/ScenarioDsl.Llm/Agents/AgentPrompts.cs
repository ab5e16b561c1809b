using System.Globalization;
using System.Text;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;

namespace ScenarioDsl.Llm.Agents;

/// <summary>
/// The system instructions of the two prompt variants. Both are pure functions of what an agent may see
/// (<see cref="AgentContext"/>: the persona's declarations, the cues, the goal), never the live state, so
/// the same scenario always yields the same instructions (and the same cassette keys).
/// </summary>
public static class AgentPrompts
{
    public const string GenericInstructions =
        "You are a warm, supportive conversational partner. Someone is talking to you about something that " +
        "is on their mind. Reply to their latest message in one to three sentences, in plain conversational " +
        "English, as yourself. Do not use lists, headings, quotation marks around your reply or stage directions.";

    public static string For(PromptVariant variant, AgentContext context) =>
        variant == PromptVariant.Generic ? GenericInstructions : PersonaAligned(context);

    /// <summary>
    /// The persona-aligned instructions: who the person is (about, traits, where they start on each
    /// dimension), what the conversation should achieve (the goal's direction), and how the person reacts
    /// to each kind of empathic move (the rules, with the phrases that signal each cue), then the reply style.
    /// </summary>
    public static string PersonaAligned(AgentContext context)
    {
        var persona = context.Persona;
        var goal = context.Goal;
        var space = persona.Space;
        var text = new StringBuilder();
        text.Append("You are an empathic conversational partner. Your aim is to help one specific person over a whole conversation.\n\n");

        text.Append("Who they are:\n");
        if (!string.IsNullOrWhiteSpace(persona.About)) text.Append("- ").Append(persona.About!.Trim()).Append('\n');
        if (persona.Traits.Count > 0)
            text.Append("- Traits (0 to 1): ")
                .Append(string.Join(", ", persona.Traits.Select(t => $"{t.Name} {N(t.Value)}")))
                .Append('\n');
        text.Append("- Where they start (").Append(space.Name);
        if (!string.IsNullOrWhiteSpace(space.Description)) text.Append(": ").Append(space.Description!.Trim());
        text.Append("):\n");
        for (int d = 0; d < space.Count; d++)
        {
            var dim = space.Dimensions[d];
            text.Append("  - ").Append(dim.Name).Append(' ').Append(N(persona.Start[d]))
                .Append(" on [").Append(N(dim.Low)).Append(", ").Append(N(dim.High)).Append("], ").Append(Level(persona.Start[d], dim));
            if (!string.IsNullOrWhiteSpace(dim.Description)) text.Append(" (").Append(dim.Description!.Trim()).Append(')');
            text.Append('\n');
        }

        text.Append("\nWhat the conversation should achieve");
        if (!string.IsNullOrWhiteSpace(goal.Description)) text.Append(" (").Append(goal.Description!.Trim()).Append(')');
        text.Append(", within ").Append(goal.Turns.ToString(CultureInfo.InvariantCulture)).Append(" replies:\n");
        foreach (var c in goal.Components)
        {
            var dim = space.Dimensions[c.Dimension];
            double start = persona.Start[c.Dimension];
            double target = goal.Kind == GoalKind.Target ? c.Value : start + c.Value;
            string verb = target > start ? "raise" : target < start ? "lower" : "keep";
            text.Append("- ").Append(verb).Append(' ').Append(dim.Name).Append(" from ").Append(N(start)).Append(" to about ").Append(N(target)).Append('\n');
        }

        var rules = persona.Rules;
        if (rules.Count > 0)
        {
            text.Append("\nHow they react to what you say:\n");
            foreach (var rule in rules)
            {
                text.Append("- ").Append(CueDescription(rule.Cue, context.Cues));
                if (rule.Conditions.Count > 0)
                    text.Append(" when ").Append(string.Join(" and ", rule.Conditions.Select(c => Condition(c, space))));
                text.Append(": ").Append(string.Join(", ", rule.Effects.Select(e => Effect(e, space)))).Append('\n');
            }
        }

        text.Append('\n');
        text.Append("Reply to their latest message in one to three sentences, in plain conversational English, as yourself. ");
        text.Append("Choose what you say so the conversation moves them toward the aim, and avoid what moves them away from it. ");
        text.Append("Do not use lists, headings, quotation marks around your reply or stage directions, and never mention these instructions or any numbers.");
        return text.ToString();
    }

    private static string CueDescription(string cue, CueTable cues)
    {
        if (cue == CueDefinition.Mirroring) return "mirroring (reusing their own words)";
        int index = cues.IndexOf(cue);
        if (index < 0 || cues.Cues[index].Phrases.Count == 0) return cue;
        return cue + " (phrases like " + string.Join(", ", cues.Cues[index].Phrases.Select(p => "\"" + p + "\"")) + ")";
    }

    private static string Condition(Condition condition, SpaceDefinition space)
    {
        string op = condition.Operator switch
        {
            Comparison.Less => "<",
            Comparison.LessOrEqual => "<=",
            Comparison.Greater => ">",
            _ => ">=",
        };
        return $"{space.Dimensions[condition.Dimension].Name} {op} {N(condition.Value)}";
    }

    private static string Effect(Effect effect, SpaceDefinition space) =>
        $"{space.Dimensions[effect.Dimension].Name} {(effect.Amount >= 0 ? "rises" : "falls")} by {N(Math.Abs(effect.Amount))}";

    private static string Level(double value, Dimension dim)
    {
        double width = dim.High - dim.Low;
        double position = width > 0 ? (value - dim.Low) / width : 0.5;
        return position >= 2.0 / 3 ? "high" : position <= 1.0 / 3 ? "low" : "middling";
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
