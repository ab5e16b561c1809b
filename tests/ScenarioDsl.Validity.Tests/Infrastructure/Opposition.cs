using System.Globalization;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>
/// Which personas have opposite reactions, read from the declared rules alone (no run is involved),
/// for the persona flip of docs/validity.md.
/// <para>
/// The effect of a cue on a persona under a goal is the cue's immediate projected work at the
/// persona's start: the sum of the effects of the persona's rules for that cue whose conditions hold
/// on s0, over the goal's constrained dimensions, dotted with u/|u| (for <c>direction per-turn</c>
/// goals the per-turn direction at s0 is the same vector). The cues that fit A are those with a
/// positive effect on A. B has opposite reactions to A under the goal when none of the cues that fit
/// A has a positive effect on B and together they have a negative one. Mirroring counts like any cue.
/// </para>
/// </summary>
public static class Opposition
{
    private const double Epsilon = 1e-12;

    /// <summary>The immediate projected effect at s0 of every cue an agent can send (declared phrases, or mirroring), by cue name.</summary>
    public static IReadOnlyDictionary<string, double> CueEffects(Scenario scenario)
    {
        var persona = scenario.Persona;
        var geometry = new GoalGeometry(scenario.Goal, persona.Start);
        var start = persona.Start.ToArray();
        var table = scenario.Cues;
        var effects = new SortedDictionary<string, double>(StringComparer.Ordinal);
        for (int cue = 0; cue < table.Count; cue++)
        {
            if (cue != table.MirroringIndex && table.Cues[cue].Phrases.Count == 0) continue;
            var delta = new double[start.Length];
            scenario.Dynamics.ApplyRules(start, CueSet.Empty.With(cue), delta);
            var projected = geometry.Dimensions.Select(d => delta[d]).ToArray();
            effects[table.Cues[cue].Name] = geometry.UNorm == 0 ? 0 : GoalGeometry.Dot(projected, geometry.U) / geometry.UNorm;
        }
        return effects;
    }

    /// <summary>The cues with a positive immediate effect on the persona under the goal, in name order.</summary>
    public static string[] FittingCues(Scenario scenario) =>
        CueEffects(scenario).Where(e => e.Value > Epsilon).Select(e => e.Key).ToArray();

    /// <summary>
    /// Whether <paramref name="to"/> reacts oppositely to what fits <paramref name="from"/> (same goal),
    /// with the reason: the cues that fit A with their effect on B ("validation -0.040"), or in words
    /// which fitting cue also helps B.
    /// </summary>
    public static (bool Opposite, string Why) Compare(Scenario from, Scenario to)
    {
        if (from.Goal.Name != to.Goal.Name) throw new ArgumentException("A flip compares two personas under one goal.");
        var fits = FittingCues(from);
        if (fits.Length == 0) return (false, "no cue helps " + from.Persona.Name + " at the start");
        var onB = CueEffects(to);
        var helpsBoth = fits.Where(c => onB[c] > Epsilon).ToArray();
        string effects = string.Join(", ", fits.Select(c => $"{c} {onB[c].ToString("+0.000;-0.000;0", CultureInfo.InvariantCulture)}"));
        if (helpsBoth.Length > 0) return (false, $"{string.Join(", ", helpsBoth)} also help{(helpsBoth.Length == 1 ? "s" : "")} {to.Persona.Name} ({effects})");
        double sum = fits.Sum(c => onB[c]);
        if (sum >= -Epsilon) return (false, $"what fits {from.Persona.Name} leaves {to.Persona.Name} unmoved ({effects})");
        return (true, effects);
    }

    /// <summary>Every ordered pair (A, B, goal) of distinct personas of the given cases in which B reacts oppositely to A, in case order.</summary>
    public static IReadOnlyList<FlipPair> Pairs(IReadOnlyList<CaseRuns> cases)
    {
        var pairs = new List<FlipPair>();
        foreach (var goal in cases.Select(c => c.Goal).Distinct(StringComparer.Ordinal))
        {
            var ofGoal = cases.Where(c => c.Goal == goal).ToArray();
            foreach (var a in ofGoal)
                foreach (var b in ofGoal)
                {
                    if (a.Persona == b.Persona) continue;
                    var (opposite, why) = Compare(a.Scenario, b.Scenario);
                    if (opposite) pairs.Add(new FlipPair(a.Persona, b.Persona, goal, why));
                }
        }
        return pairs;
    }
}
