using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Dynamics;
using ScenarioDsl.Runtime.Randomness;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Runtime.Running;

/// <summary>
/// SPEC 2.1, the one run loop both the interpreter and generated code go through. Per turn t:
/// the agent replies; cues are detected; delta = 0 then the dynamics adds every firing rule's effects;
/// then per dimension d, in dimension order:
/// <c>x = (s[d] + delta[d]) + drift * (s0[d] - s[d])</c>; if noise &gt; 0, <c>x = x + noise * z</c> with
/// one standard normal z from the run's RNG; <c>s'[d] = clamp(x, lo, hi)</c>. Then convergence
/// (distance to target over the constrained dimensions &lt;= within) stops the run; otherwise the persona says its line.
/// Generated scenarios replace the rules and the update with their compiled step (<see cref="Scenario.CompiledStep"/>,
/// <see cref="ICompiledStep"/>), which performs the same operations in the same order with the persona's constants.
/// </summary>
public static class RunLoop
{
    public static async ValueTask<RunResult> RunAsync(Scenario scenario, IAgent agent, int seed, CancellationToken cancellationToken)
    {
        var persona = scenario.Persona;
        var goal = scenario.Goal;
        var dimensions = persona.Space.Dimensions;
        int count = dimensions.Count;
        double drift = persona.Drift;
        double noise = persona.Noise;
        var start = persona.Start.ToArray();
        var geometry = new GoalGeometry(goal, start);
        var random = noise > 0 ? new SeededRandom(seed) : null;
        var compiled = scenario.CompiledStep;

        var states = new List<double[]>(goal.Turns + 1) { start };
        var messages = new List<TurnRecord>(goal.Turns);
        var delta = new double[count];
        string lastPersona = persona.Opens;
        var current = start;
        bool converged = false;

        for (int turn = 1; turn <= goal.Turns; turn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = new AgentContext(scenario, seed, turn, persona.Opens, messages);
            string reply = await agent.ReplyAsync(context, cancellationToken).ConfigureAwait(false) ?? "";

            var cues = scenario.Detector.Detect(reply, lastPersona);
            var next = new double[count];
            if (compiled is not null)
            {
                compiled.Step(current, cues, random, next);
            }
            else
            {
                Array.Clear(delta);
                scenario.Dynamics.ApplyRules(current, cues, delta);
                Step(current, start, delta, drift, noise, random, dimensions, next);
            }
            states.Add(next);
            current = next;

            converged = geometry.DistanceToTarget(next) <= goal.Within;
            string? answer = converged ? null : scenario.Dynamics.Say(next);
            messages.Add(new TurnRecord(turn, reply, scenario.Cues.NamesOf(cues), answer));
            if (converged) break;
            lastPersona = answer!;
        }

        IScores scores = goal.Scoring.Kind == ScoringKind.Epm
            ? EpmScoring.Score(geometry, persona, states, converged)
            : ProcessScoring.Score(geometry, states, converged);
        return new RunResult(scenario, agent.Name, seed, states, persona.Opens, messages, converged, scores);
    }

    /// <summary>One state update (steps 4 and 5 of SPEC 2.1), in the exact floating-point order documented above.</summary>
    public static void Step(
        ReadOnlySpan<double> state,
        ReadOnlySpan<double> start,
        ReadOnlySpan<double> delta,
        double drift,
        double noise,
        SeededRandom? random,
        IReadOnlyList<Dimension> dimensions,
        Span<double> next)
    {
        for (int d = 0; d < state.Length; d++)
        {
            double x = (state[d] + delta[d]) + drift * (start[d] - state[d]);
            if (noise > 0) x += noise * random!.NextStandardNormal();
            var dim = dimensions[d];
            next[d] = x < dim.Low ? dim.Low : x > dim.High ? dim.High : x;
        }
    }
}
