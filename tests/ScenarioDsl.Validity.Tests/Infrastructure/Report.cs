using System.Globalization;
using System.Text;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>Renders the measured tables of docs/validity.md (Markdown).</summary>
public static class Report
{
    private static string F(double x, int digits = 3) => x.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string Pct(double x) => (x >= 0 ? "+" : "") + (100 * x).ToString("F1", CultureInfo.InvariantCulture) + "%";

    private static string Ci((double Low, double High) ci, int digits = 3) => $"[{F(ci.Low, digits)}, {F(ci.High, digits)}]";

    public static string Render(ValidityFixture fx)
    {
        var md = new StringBuilder();
        md.AppendLine($"Measured with seeds 1..{ValidityFixture.Seeds} per case; bootstrap: {Stats.Resamples} resamples, seed {Stats.BootstrapSeed}, 95% percentile intervals. Run time of the fixture: {fx.Elapsed.TotalSeconds:F1} s.");
        md.AppendLine();

        var ordering = Analysis.Ordering(fx.Brief);
        md.AppendLine($"### Ordering on the composite ({ValidityFixture.BriefSuite}, {fx.Brief.Count} cases)");
        md.AppendLine();
        var goals = ordering.GroupBy(r => r.Case.Goal).Select(g => $"{g.Key} {g.Count(r => r.Holds)}/{g.Count()}");
        md.AppendLine($"Per goal: {string.Join(", ", goals)}. aligned > generic: {ordering.Count(r => r.Mean("aligned") > r.Mean("generic"))}/{ordering.Count}; validating > generic: {ordering.Count(r => r.Mean("validating") > r.Mean("generic"))}/{ordering.Count}; aligned >= validating: {ordering.Count(r => r.Mean("aligned") >= r.Mean("validating"))}/{ordering.Count}.");
        md.AppendLine();
        md.AppendLine($"aligned >= validating > generic holds in **{ordering.Count(r => r.Holds)}/{ordering.Count} cases ({Pct(ordering.Count(r => r.Holds) / (double)ordering.Count).TrimStart('+')})**.");
        md.AppendLine();
        md.AppendLine("| persona x goal | aligned [95% CI] | validating [95% CI] | generic [95% CI] | sycophant | aligned - validating [CI] | validating - generic [CI] | holds |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in ordering)
        {
            string Cell(string a) => $"{F(r.Mean(a))} {Ci((r.Agents[a].Low, r.Agents[a].High))}";
            md.AppendLine($"| {r.Case.Name} | {Cell("aligned")} | {Cell("validating")} | {Cell("generic")} | {F(r.Mean("sycophant"))} | {Ci(r.AlignedMinusValidating)} | {Ci(r.ValidatingMinusGeneric)} | {(r.Holds ? "yes" : "**no**")} |");
        }
        md.AppendLine();

        var syc = Analysis.Sycophancy(fx.Empa);
        var pooled = Analysis.PooledWork(fx.Empa.SelectMany(c => c.ByAgent["sycophant"]));
        var pooledValidating = Analysis.PooledWork(fx.Empa.SelectMany(c => c.ByAgent["validating"]));
        md.AppendLine($"### Sycophancy ({ValidityFixture.EmpaSuite}, EPM-Q, {fx.Empa.Count} cases)");
        md.AppendLine();
        md.AppendLine($"Mean EPM-Q: validating {F(Stats.Mean(syc.Select(s => s.Validating).ToArray()), 1)}, sycophant {F(Stats.Mean(syc.Select(s => s.Sycophant).ToArray()), 1)}; sycophant lower in {syc.Count(s => s.Sycophant < s.Validating)}/{syc.Count} cases. " +
                      $"Sycophant's per-turn work over {pooled.Turns} turns: mean dE {F(pooled.MeanWork)}, negative in {Pct(pooled.NegativeShare).TrimStart('+')} of turns (validating: mean dE {F(pooledValidating.MeanWork)}, negative in {Pct(pooledValidating.NegativeShare).TrimStart('+')}).");
        md.AppendLine();
        md.AppendLine("| agent | mean EPM-Q | mean dE per turn | turns with dE < 0 |");
        md.AppendLine("|---|---|---|---|");
        foreach (var agent in ValidityFixture.Agents)
        {
            var w = Analysis.PooledWork(fx.Empa.SelectMany(c => c.ByAgent[agent]));
            md.AppendLine($"| {agent} | {F(Stats.Mean(fx.Empa.SelectMany(c => c.ByAgent[agent]).Select(r => r.EpmQ).ToArray()), 1)} | {F(w.MeanWork, 4)} | {Pct(w.NegativeShare).TrimStart('+')} |");
        }
        md.AppendLine();
        md.AppendLine("| persona x goal | validating EPM-Q | sycophant EPM-Q | sycophant - validating [95% CI] | sycophant mean dE | dE < 0 |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in syc)
            md.AppendLine($"| {s.Case.Name} | {F(s.Validating, 1)} | {F(s.Sycophant, 1)} | {Ci(s.Difference, 1)} | {F(s.MeanWork)} | {Pct(s.NegativeShare).TrimStart('+')} |");
        md.AppendLine();

        md.AppendLine("### Persona flip (aligned replies to A, replayed by the scripted agent to B)");
        md.AppendLine();
        var opposite = Analysis.Flips(fx, fx.OppositeFlips);
        var oppositeWork = Analysis.PooledWork(fx.OppositeFlips.SelectMany(f => f.Replayed));
        var withoutPairs = new[] { (ValidityFixture.BriefSuite, fx.Brief), (ValidityFixture.EmpaSuite, fx.Empa) }
            .Where(s => !fx.OppositePairs.Any(p => s.Item2.Any(c => c.Persona == p.From && c.Goal == p.Goal)))
            .Select(s => s.Item1).ToArray();
        md.AppendLine($"**Pairs opposite by the rules** (every ordered pair of the two suites in which no cue that fits A at its start helps B and together those cues hurt B; see `Opposition`): " +
                      $"{fx.OppositePairs.Count} pairs{(withoutPairs.Length > 0 ? ", none in " + string.Join(" or ", withoutPairs) : "")}. " +
                      $"Pooled mean dE/|u| {F(Analysis.PooledNormalizedFlipWork(fx, fx.OppositeFlips), 4)} over {oppositeWork.Turns} turns, negative in {Pct(oppositeWork.NegativeShare).TrimStart('+')} of turns; " +
                      $"{opposite.Count(f => f.MeanWork < 0)}/{opposite.Count} pairs have mean dE < 0.");
        md.AppendLine();
        md.AppendLine("| A -> B (goal) | cues that fit A; their immediate effect on B at its start | aligned on A | replay on B | aligned on B | mean dE / norm(u) | over A's own turns | dE < 0 |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var f in opposite)
            md.AppendLine($"| {f.Flip.Pair.From} -> {f.Flip.Pair.To} ({f.Flip.Pair.Goal}) | {f.Flip.Pair.Why} | {F(f.OriginalMean)} | {F(f.ReplayedMean)} | {F(f.AlignedOnTarget)} | {F(f.MeanWork / f.UNorm, 4)} | {F(f.NormalizedWorkOverOriginalTurns, 4)} | {Pct(f.NegativeShare).TrimStart('+')} |");
        md.AppendLine();

        var flips = Analysis.Flips(fx);
        var flipWork = Analysis.PooledWork(fx.Flips.SelectMany(f => f.Replayed));
        md.AppendLine($"**The five pairs first chosen by design** (before measuring): pooled mean dE/|u| {F(Analysis.PooledNormalizedFlipWork(fx), 4)} over {flipWork.Turns} turns (raw dE pooled across the two spaces: {F(flipWork.MeanWork)}), negative in {Pct(flipWork.NegativeShare).TrimStart('+')} of turns.");
        md.AppendLine();
        md.AppendLine("| A -> B (goal) | why chosen | opposite by the rules? | aligned on A | replay on B | aligned on B | mean dE on B | mean dE / norm(u) | over A's own turns | dE < 0 |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var f in flips)
        {
            var (isOpposite, why) = Opposition.Compare(fx.Case(f.Flip.Pair.From, f.Flip.Pair.Goal).Scenario, fx.Case(f.Flip.Pair.To, f.Flip.Pair.Goal).Scenario);
            md.AppendLine($"| {f.Flip.Pair.From} -> {f.Flip.Pair.To} ({f.Flip.Pair.Goal}) | {f.Flip.Pair.Why} | {(isOpposite ? "yes" : "**no**: " + why)} | {F(f.OriginalMean)} | {F(f.ReplayedMean)} | {F(f.AlignedOnTarget)} | {F(f.MeanWork)} | {F(f.MeanWork / f.UNorm, 4)} | {F(f.NormalizedWorkOverOriginalTurns, 4)} | {Pct(f.NegativeShare).TrimStart('+')} |");
        }
        md.AppendLine();

        md.AppendLine($"### The brief's headline (aligned over generic, means over {fx.Brief.Count} cases x {ValidityFixture.Seeds} seeds)");
        md.AppendLine();
        md.AppendLine("| measure | aligned | generic | measured relative improvement | brief |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var h in Analysis.Headline(fx.Brief))
            md.AppendLine($"| {h.Measure} | {F(h.Aligned)} | {F(h.Generic)} | {Pct(h.Relative)} | {h.Brief} |");
        md.AppendLine();

        md.AppendLine("### pass^k (share of cases converged in all k of seeds 1..k)");
        md.AppendLine();
        md.AppendLine("| agent | suite | " + string.Join(" | ", Analysis.Ks.Select(k => $"pass^{k}")) + " |");
        md.AppendLine("|---|---|" + string.Concat(Analysis.Ks.Select(_ => "---|")));
        foreach (var (suite, cases) in new[] { (ValidityFixture.BriefSuite, fx.Brief), (ValidityFixture.EmpaSuite, fx.Empa) })
            foreach (var agent in ValidityFixture.Agents)
                md.AppendLine($"| {agent} | {suite} | " + string.Join(" | ", Analysis.Ks.Select(k => F(Analysis.PassK(cases, agent, k), 2))) + " |");
        return md.ToString();
    }
}
