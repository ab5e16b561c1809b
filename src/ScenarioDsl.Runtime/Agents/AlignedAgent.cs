using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// The persona-aligned agent (the brief's instruction-augmented variant). It reads the persona's
/// declared start, rules, drift and ranges and the goal, and keeps its own estimate of the state by
/// replaying the cues its past replies carried (noise is unknown to it, so it assumes none).
/// Each turn it greedily builds the cue set whose value is best: how soon the target zone is reached
/// (else how close it gets) when it sends the set now and then follows the myopic greedy choice for up
/// to <see cref="Horizon"/> - 1 further turns (so it can, say, lower distress first to unlock a rule that
/// only helps when distress is low). It drafts replies from those cues' phrases (and mirroring) with
/// neutral filler, runs the detector on every draft, and sends the draft whose actually detected cues
/// have the best value.
/// </summary>
public sealed class AlignedAgent : IAgent
{
    public const string AgentName = "aligned";

    /// <summary>How many turns ahead a cue set is judged (capped by the turns left).</summary>
    public const int Horizon = 4;

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

        int horizon = Math.Min(Horizon, context.MaxTurns - context.Turn + 1);
        var plan = Plan(persona, model, geometry, table, estimate, horizon);
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 3);

        string? best = null;
        double bestDistance = double.PositiveInfinity;
        foreach (var draft in Drafts(context, plan, random.NextInt(1000)))
        {
            double distance = Value(persona, model, geometry, table, estimate, context.DetectCues(draft), horizon);
            if (distance < bestDistance)
            {
                best = draft;
                bestDistance = distance;
            }
        }
        return new(best ?? ReplyComposer.Fillers[0]);
    }

    /// <summary>Greedy: add the cue that most improves the set's value, while one does.</summary>
    private static CueSet Plan(PersonaDefinition persona, IPersonaDynamics model, GoalGeometry geometry, CueTable table, double[] estimate, int horizon)
    {
        var chosen = CueSet.Empty;
        double current = Value(persona, model, geometry, table, estimate, chosen, horizon);
        while (true)
        {
            int bestCue = -1;
            double bestDistance = current;
            for (int cue = 0; cue < table.Count; cue++)
            {
                if (chosen.Contains(cue) || (cue != table.MirroringIndex && table.Cues[cue].Phrases.Count == 0)) continue;
                double distance = Value(persona, model, geometry, table, estimate, chosen.With(cue), horizon);
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

    /// <summary>
    /// Lower is better. Reaching the target zone at rollout step k (0-based) is worth k; not reaching it
    /// within the horizon is worth horizon + the closest distance seen. The rollout sends
    /// <paramref name="cues"/> now, then the myopic plan for up to horizon - 1 further turns.
    /// </summary>
    private static double Value(PersonaDefinition persona, IPersonaDynamics model, GoalGeometry geometry, CueTable table, double[] estimate, CueSet cues, int horizon)
    {
        var state = Predict(persona, model, estimate, cues);
        double closest = double.PositiveInfinity;
        for (int step = 0; ; step++)
        {
            double distance = geometry.DistanceToTarget(state);
            if (distance <= geometry.Goal.Within) return step;
            closest = Math.Min(closest, distance);
            if (step + 1 >= horizon) return horizon + closest;
            state = Predict(persona, model, state, Plan(persona, model, geometry, table, state, 1));
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
        RunLoop.Step(state, persona.StartVector, delta, persona.Drift, 0.0, null, persona.Space.Dimensions, next);
        return next;
    }
}
