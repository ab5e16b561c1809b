using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Running;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Validity.Tests.Infrastructure;

/// <summary>What the validity tests need from one run.</summary>
public sealed record RunSummary(
    int Seed,
    double Headline,
    double Alignment,
    double ImpactNormalized,
    double Stability,
    double EpmQ,
    double EnergyTotal,
    bool Converged,
    int Turns,
    double[] Work,
    string[] Replies)
{
    public static RunSummary Of(RunResult result)
    {
        var work = Measurements.WorkPerTurn(result);
        var replies = result.Messages.Select(m => m.Agent).ToArray();
        return result.Scores switch
        {
            ProcessScores p => new(result.Seed, p.Composite, p.Alignment, p.ImpactNormalized, p.Stability, double.NaN, double.NaN, result.Converged, result.Turns, work, replies),
            EpmScores e => new(result.Seed, e.Headline, double.NaN, double.NaN, double.NaN, e.EpmQ, e.EnergyTotal, result.Converged, result.Turns, work, replies),
            var s => throw new InvalidOperationException("Unknown scoring profile " + s.Profile),
        };
    }
}

/// <summary>One persona x goal case of a suite, run by every reference agent over seeds 1..N.</summary>
public sealed class CaseRuns
{
    public CaseRuns(Scenario scenario, IReadOnlyDictionary<string, RunSummary[]> byAgent)
    {
        Scenario = scenario;
        ByAgent = byAgent;
    }

    public Scenario Scenario { get; }

    public string Persona => Scenario.Persona.Name;

    public string Goal => Scenario.Goal.Name;

    public string Name => Persona + " x " + Goal;

    public IReadOnlyDictionary<string, RunSummary[]> ByAgent { get; }

    public double[] Headlines(string agent) => ByAgent[agent].Select(r => r.Headline).ToArray();

    public double MeanHeadline(string agent) => Stats.Mean(Headlines(agent));
}

/// <summary>A persona flip: the aligned agent's replies to persona A, replayed to persona B.</summary>
public sealed record FlipPair(string From, string To, string Goal, string Why);

public sealed record FlipRuns(FlipPair Pair, RunSummary[] Original, RunSummary[] Replayed);

public static class Measurements
{
    /// <summary>
    /// Per-turn projected work dE_t = Delta_t . v*_t over the constrained dimensions (EMPA's dE):
    /// v* = u/|u| (fixed; every process goal and `epm direction fixed`), or, for `epm direction
    /// per-turn`, (target - s_{t-1}) / |target - s_{t-1}| (the zero vector at the target).
    /// </summary>
    public static double[] WorkPerTurn(RunResult result)
    {
        var goal = result.Scenario.Goal;
        var geometry = new GoalGeometry(goal, result.Scenario.Persona.Start);
        bool perTurn = goal.Scoring.Kind == ScoringKind.Epm && goal.Scoring.Direction == EpmDirection.PerTurn;
        var work = new double[result.Turns];
        for (int t = 1; t <= result.Turns; t++)
        {
            var delta = geometry.Difference(result.States[t - 1], result.States[t]);
            double[] direction;
            if (perTurn)
            {
                direction = new double[geometry.Dimensions.Length];
                for (int i = 0; i < direction.Length; i++) direction[i] = geometry.Target[i] - result.States[t - 1][geometry.Dimensions[i]];
            }
            else
            {
                direction = geometry.U.ToArray();
            }
            double norm = GoalGeometry.Norm(direction);
            work[t - 1] = norm == 0 ? 0 : GoalGeometry.Dot(delta, direction) / norm;
        }
        return work;
    }
}
