using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Agents;

/// <summary>
/// The persona-aligned agent (the brief's instruction-augmented variant). It reads the persona's
/// declared start, rules, drift and ranges and the goal, and keeps its own estimate of the state by
/// replaying the cues its past replies carried (noise is unknown to it, so it assumes none), corrected
/// by the persona's replies (the <c>says</c> line chosen tells which conditions hold).
/// Each turn it greedily builds a cue set, adding the cue (or, when no single cue helps, the pair) that
/// most improves the set's value while one does. A set's value is how soon the inner half of the target
/// zone is reached (else how close it comes) when the set is sent for up to <see cref="Horizon"/> turns in a row, so it can, say, keep lowering distress to unlock
/// a rule that only helps when distress is low. It drafts replies from the set's phrases (and
/// mirroring) with neutral filler and runs the detector on each draft: it sends the first draft whose
/// detected cues are exactly the plan, else the draft whose detected cues have the best value.
/// </summary>
public sealed class AlignedAgent : IDraftingAgent
{
    public const string AgentName = "aligned";

    /// <summary>How many turns ahead a cue set is judged (capped by the turns left).</summary>
    public const int Horizon = 4;

    /// <summary>The agent aims at this fraction of the goal's <c>within</c> radius.</summary>
    public const double Aim = 0.5;

    public string Name => AgentName;

    /// <summary>Every filler for each phrase variant of the planned cues (<see cref="Drafts"/>): at most the largest phrase count of any cue.</summary>
    public int MaxDraftChecksPerTurn(CueTable cues)
    {
        int phrases = 1;
        for (int i = 0; i < cues.Count; i++)
            if (i != cues.MirroringIndex) phrases = Math.Max(phrases, cues.Cues[i].Phrases.Count);
        return ReplyComposer.Fillers.Length * phrases;
    }

    public ValueTask<string> ReplyAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var table = context.Cues;
        var model = new Model(context.Persona, new InterpretedPersonaDynamics(context.Persona, table), new GoalGeometry(context.Goal, context.Persona.Start));
        var estimate = context.Persona.Start.ToArray();
        foreach (var turn in context.Transcript)
        {
            estimate = model.Step(estimate, table.SetOf(turn.Cues), new double[estimate.Length]);
            if (turn.Persona is not null) Correct(estimate, context.Persona, turn.Persona);
        }

        int horizon = Math.Max(1, Math.Min(Horizon, context.MaxTurns - context.Turn + 1));
        var plan = Plan(model, table, estimate, horizon);
        var random = AgentRandom.For(context.Seed, context.Turn, salt: 3);

        string? best = null;
        double bestValue = double.PositiveInfinity;
        foreach (var draft in Drafts(context, plan, random.NextInt(1000)))
        {
            var detected = context.DetectCues(draft);
            if (detected == plan) return new(draft);
            double value = model.Value(estimate, detected, horizon);
            if (value < bestValue)
            {
                best = draft;
                bestValue = value;
            }
        }
        return new(best ?? ReplyComposer.Fillers[0]);
    }

    /// <summary>
    /// Closes the loop on what the persona said: the line it chose tells which conditions hold. For the
    /// first <c>says</c> line with that text, every condition that fails on the estimate is met by moving
    /// the estimate just across its threshold (the smallest correction consistent with the reply).
    /// </summary>
    private static void Correct(double[] estimate, PersonaDefinition persona, string said)
    {
        foreach (var line in persona.Says)
        {
            if (line.Text != said) continue;
            foreach (var condition in line.Conditions)
            {
                if (condition.Holds(estimate)) continue;
                double edge = condition.Value;
                double nudge = 1e-9 * Math.Max(1.0, Math.Abs(edge));
                estimate[condition.Dimension] = condition.Operator switch
                {
                    Comparison.Greater => edge + nudge,
                    Comparison.Less => edge - nudge,
                    _ => edge,
                };
            }
            return;
        }
    }

    /// <summary>
    /// Greedy: add the cue that most improves the set's value, while one does; when no single cue helps,
    /// try pairs (one cue may only unlock another, e.g. validation lowering distress below a rule's threshold).
    /// </summary>
    private static CueSet Plan(Model model, CueTable table, double[] estimate, int horizon)
    {
        var usable = Enumerable.Range(0, table.Count)
            .Where(cue => cue == table.MirroringIndex || table.Cues[cue].Phrases.Count > 0)
            .ToArray();
        var chosen = CueSet.Empty;
        double current = model.Value(estimate, chosen, horizon);
        while (true)
        {
            var best = chosen;
            double bestValue = current;
            foreach (int cue in usable)
            {
                if (chosen.Contains(cue)) continue;
                Consider(chosen.With(cue));
            }
            if (best == chosen)
            {
                for (int i = 0; i < usable.Length; i++)
                    for (int j = i + 1; j < usable.Length; j++)
                        if (!chosen.Contains(usable[i]) && !chosen.Contains(usable[j]))
                            Consider(chosen.With(usable[i]).With(usable[j]));
            }
            if (best == chosen) return chosen;
            chosen = best;
            current = bestValue;

            void Consider(CueSet candidate)
            {
                double value = model.Value(estimate, candidate, horizon);
                if (value < bestValue - 1e-12)
                {
                    best = candidate;
                    bestValue = value;
                }
            }
        }
    }

    /// <summary>Drafts for a plan: each phrase choice (rotated by the seed) with each filler, with mirroring as planned.</summary>
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

    /// <summary>The agent's model of the persona: rules, drift, clamp (no noise), with scratch buffers.</summary>
    private sealed class Model(PersonaDefinition persona, IPersonaDynamics rules, GoalGeometry geometry)
    {
        private readonly double[] _delta = new double[persona.Space.Count];
        private readonly double[] _a = new double[persona.Space.Count];
        private readonly double[] _b = new double[persona.Space.Count];

        public double[] Step(double[] state, CueSet cues, double[] into)
        {
            Array.Clear(_delta);
            rules.ApplyRules(state, cues, _delta);
            RunLoop.Step(state, persona.StartVector, _delta, persona.Drift, 0.0, null, persona.Space.Dimensions, into);
            return into;
        }

        /// <summary>
        /// Lower is better: reaching the inner zone (distance &lt;= <see cref="Aim"/> x within) after sending
        /// <paramref name="cues"/> k + 1 turns in a row (k &lt; horizon) is worth k; otherwise horizon + the
        /// closest distance reached. Aiming inside the zone leaves a margin for the noise and drift the
        /// open-loop estimate cannot see.
        /// </summary>
        public double Value(double[] from, CueSet cues, int horizon)
        {
            var current = from;
            double closest = double.PositiveInfinity;
            double aim = Aim * geometry.Goal.Within;
            for (int step = 0; step < horizon; step++)
            {
                var next = Step(current, cues, step % 2 == 0 ? _a : _b);
                double distance = geometry.DistanceToTarget(next);
                if (distance <= aim) return step;
                closest = Math.Min(closest, distance);
                current = next;
            }
            return horizon + closest;
        }
    }
}
