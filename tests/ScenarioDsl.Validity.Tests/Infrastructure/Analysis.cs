namespace ScenarioDsl.Validity.Tests.Infrastructure;

public sealed record OrderingRow(
    CaseRuns Case,
    IReadOnlyDictionary<string, (double Mean, double Low, double High)> Agents,
    (double Low, double High) AlignedMinusValidating,
    (double Low, double High) ValidatingMinusGeneric)
{
    public double Mean(string agent) => Agents[agent].Mean;

    /// <summary>The brief's ordering on this case's means: aligned >= validating > generic.</summary>
    public bool Holds => Mean("aligned") >= Mean("validating") && Mean("validating") > Mean("generic");
}

public sealed record SycophancyRow(CaseRuns Case, double Validating, double Sycophant, (double Low, double High) Difference, double MeanWork, double NegativeShare);

/// <summary>
/// One flip pair's figures. NormalizedWorkOverOriginalTurns is the mean dE/|u| over the replayed turns
/// that carry one of A's own replies (turn t &lt;= A's turns); later turns repeat A's last reply (the
/// scripted agent's rule), so it shows whether the repeats decide the sign.
/// </summary>
public sealed record FlipRow(FlipRuns Flip, double OriginalMean, double ReplayedMean, double AlignedOnTarget, double MeanWork, double NegativeShare, double UNorm, double NormalizedWorkOverOriginalTurns);

public sealed record HeadlineRow(string Measure, double Aligned, double Generic, string Brief)
{
    public double Relative => (Aligned - Generic) / Math.Abs(Generic);
}

/// <summary>The measured quantities the tests assert and docs/validity.md reports.</summary>
public static class Analysis
{
    public static IReadOnlyList<OrderingRow> Ordering(IReadOnlyList<CaseRuns> cases) =>
        cases.Select(c =>
        {
            var agents = ValidityFixture.Agents.ToDictionary(a => a, a =>
            {
                var x = c.Headlines(a);
                var (lo, hi) = Stats.MeanCi(x);
                return (Stats.Mean(x), lo, hi);
            });
            return new OrderingRow(c, agents,
                Stats.PairedDifferenceCi(c.Headlines("aligned"), c.Headlines("validating")),
                Stats.PairedDifferenceCi(c.Headlines("validating"), c.Headlines("generic")));
        }).ToArray();

    public static IReadOnlyList<SycophancyRow> Sycophancy(IReadOnlyList<CaseRuns> cases) =>
        cases.Select(c =>
        {
            var work = c.ByAgent["sycophant"].SelectMany(r => r.Work).ToArray();
            return new SycophancyRow(c,
                Stats.Mean(c.ByAgent["validating"].Select(r => r.EpmQ).ToArray()),
                Stats.Mean(c.ByAgent["sycophant"].Select(r => r.EpmQ).ToArray()),
                Stats.PairedDifferenceCi(c.ByAgent["sycophant"].Select(r => r.EpmQ).ToArray(), c.ByAgent["validating"].Select(r => r.EpmQ).ToArray()),
                Stats.Mean(work),
                work.Count(w => w < 0) / (double)work.Length);
        }).ToArray();

    public static (double MeanWork, double NegativeShare, int Turns) PooledWork(IEnumerable<RunSummary> runs)
    {
        var work = runs.SelectMany(r => r.Work).ToArray();
        return (Stats.Mean(work), work.Count(w => w < 0) / (double)work.Length, work.Length);
    }

    /// <summary>The five pairs first chosen by design (<see cref="ValidityFixture.FlipPairs"/>).</summary>
    public static IReadOnlyList<FlipRow> Flips(ValidityFixture fixture) => Flips(fixture, fixture.Flips);

    public static IReadOnlyList<FlipRow> Flips(ValidityFixture fixture, IReadOnlyList<FlipRuns> flips) =>
        flips.Select(f =>
        {
            var work = f.Replayed.SelectMany(r => r.Work).ToArray();
            double u = UNorm(fixture.Case(f.Pair.To, f.Pair.Goal));
            var own = f.Original.Zip(f.Replayed, (a, b) => b.Work.Take(a.Turns)).SelectMany(w => w).Select(w => w / u).ToArray();
            return new FlipRow(f,
                Stats.Mean(f.Original.Select(r => r.Headline).ToArray()),
                Stats.Mean(f.Replayed.Select(r => r.Headline).ToArray()),
                fixture.Case(f.Pair.To, f.Pair.Goal).MeanHeadline("aligned"),
                Stats.Mean(work),
                work.Count(w => w < 0) / (double)work.Length,
                u,
                Stats.Mean(own));
        }).ToArray();

    /// <summary>Mean over every replayed turn of dE / |u| (|u| of the replayed case), so that both spaces weigh alike.</summary>
    public static double PooledNormalizedFlipWork(ValidityFixture fixture, IReadOnlyList<FlipRuns> flips) =>
        Stats.Mean(flips.SelectMany(f =>
        {
            double u = UNorm(fixture.Case(f.Pair.To, f.Pair.Goal));
            return f.Replayed.SelectMany(r => r.Work).Select(w => w / u);
        }).ToArray());

    /// <summary>The pooled dE / |u| of the five pairs first chosen by design.</summary>
    public static double PooledNormalizedFlipWork(ValidityFixture fixture) => PooledNormalizedFlipWork(fixture, fixture.Flips);

    public static double UNorm(CaseRuns c) => new ScenarioDsl.Runtime.Scoring.GoalGeometry(c.Scenario.Goal, c.Scenario.Persona.Start).UNorm;

    /// <summary>Means over every brief run (cases x seeds) of aligned and generic, as in the brief.</summary>
    public static IReadOnlyList<HeadlineRow> Headline(IReadOnlyList<CaseRuns> cases)
    {
        double Mean(string agent, Func<RunSummary, double> f) => Stats.Mean(cases.SelectMany(c => c.ByAgent[agent]).Select(f).ToArray());
        return
        [
            new("alignment A (raw, in [-1, 1])", Mean("aligned", r => r.Alignment), Mean("generic", r => r.Alignment), "+27%"),
            new("alignment (A+1)/2 (as in the composite)", Mean("aligned", r => (r.Alignment + 1) / 2), Mean("generic", r => (r.Alignment + 1) / 2), "+27%"),
            new("impact In (normalized)", Mean("aligned", r => r.ImpactNormalized), Mean("generic", r => r.ImpactNormalized), "+19%"),
            new("stability S", Mean("aligned", r => r.Stability), Mean("generic", r => r.Stability), "+33%"),
            new("composite", Mean("aligned", r => r.Headline), Mean("generic", r => r.Headline), "-"),
        ];
    }

    /// <summary>pass^k: the share of cases the agent converges on in all of seeds 1..k.</summary>
    public static double PassK(IReadOnlyList<CaseRuns> cases, string agent, int k) =>
        cases.Count(c => c.ByAgent[agent].Where(r => r.Seed <= k).All(r => r.Converged)) / (double)cases.Count;

    public static readonly int[] Ks = [1, 5, 20];
}
