using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// The persona-aligned agent (the brief's instruction-augmented variant). It reads the persona's
/// declared start, rules, drift and ranges and the goal, and keeps its own estimate of the state by
/// replaying the cues its past replies carried (noise is unknown to it, so it assumes none).
/// Each turn it greedily builds the cue set whose predicted next state is closest to the target,
/// drafts replies from those cues' phrases (and mirroring) with neutral filler, runs the detector on
/// every draft, and sends the draft whose actually detected cues predict the closest state.
/// </summary>
public sealed class AlignedAgent : IAgent
{
    public const string AgentName = "aligned";

    public string Name => AgentName;

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var table = context.Cues;
        var persona = context.Persona;
        var model = new InterpretedPersonaDynamics(persona, table);
        var geometry = new GoalGeometry(context.Goal, persona.Start);
        var estimate = persona.Start.ToArray();
        foreach (var turn in context.Transcript)
            estimate = Predict(persona, model, estimate, table.SetOf(turn.Cues));

        var plan = Plan(persona, model, geometry, table, estimate);
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 3);

        string? best = null;
        double bestDistance = double.PositiveInfinity;
        foreach (var draft in Drafts(context, plan, random.NextInt(1000)))
        {
            double distance = geometry.DistanceToTarget(Predict(persona, model, estimate, context.DetectCues(draft)));
            if (distance < bestDistance)
            {
                best = draft;
                bestDistance = distance;
            }
        }
        return new(best ?? ReplyComposer.Fillers[0]);
    }

    /// <summary>Greedy: add the cue that brings the predicted state closest to the target, while it helps.</summary>
    private static CueSet Plan(PersonaDefinition persona, IPersonaDynamics model, GoalGeometry geometry, CueTable table, double[] estimate)
    {
        var chosen = CueSet.Empty;
        double current = geometry.DistanceToTarget(Predict(persona, model, estimate, chosen));
        while (true)
        {
            int bestCue = -1;
            double bestDistance = current;
            for (int cue = 0; cue < table.Count; cue++)
            {
                if (chosen.Contains(cue) || (cue != table.MirroringIndex && table.Cues[cue].Phrases.Count == 0)) continue;
                double distance = geometry.DistanceToTarget(Predict(persona, model, estimate, chosen.With(cue)));
                if (distance < bestDistance - 1e-12)
                {
                    bestCue = cue;
                    bestDistance = distance;
                }
            }
            if (bestCue < 0) return chosen;
            chosen = chosen.With(bestCue);
            current = bestDistance;
        }
    }

    /// <summary>Drafts for a plan: each phrase choice (rotated by the seed) with each filler, with and without mirroring as planned.</summary>
    private static IEnumerable<string> Drafts(AgentContext context, CueSet plan, int rotation)
    {
        var table = context.Cues;
        var cues = Enumerable.Range(0, table.Count).Where(i => plan.Contains(i) && i != table.MirroringIndex).ToArray();
        string? mirror = plan.Contains(table.MirroringIndex) ? context.LastPersonaMessage : null;
        int maxPhrases = cues.Length == 0 ? 1 : cues.Max(i => table.Cues[i].Phrases.Count);
        for (int variant = 0; variant < maxPhrases; variant++)
        {
            var phrases = cues.Select(i => table.Cues[i].Phrases[(variant + rotation) % table.Cues[i].Phrases.Count]).ToArray();
            foreach (var filler in ReplyComposer.Fillers)
                yield return ReplyComposer.Compose(phrases, filler, mirror);
        }
    }

    /// <summary>The agent's model of one turn: rules, drift, clamp (no noise).</summary>
    private static double[] Predict(PersonaDefinition persona, IPersonaDynamics model, double[] state, CueSet cues)
    {
        var delta = new double[state.Length];
        model.ApplyRules(state, cues, delta);
        var next = new double[state.Length];
        RunLoop.Step(state, persona.Start.ToArray(), delta, persona.Drift, 0.0, null, persona.Space.Dimensions, next);
        return next;
    }
}
