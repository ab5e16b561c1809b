using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Scoring;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Scoring;

/// <summary>The adapted EPM-Q (docs/runtime.md) on one-dimensional trajectories scored by hand.</summary>
public class EpmScoringTests
{
    private static readonly SpaceDefinition Line = Build.Space(("x", -2, 2));

    private static EpmScores Score(double[] xs, double within, double stepScale, EpmDirection direction = EpmDirection.Fixed, bool converged = false, double target = 1.0)
    {
        var goal = new GoalDefinition("G", Line, GoalKind.Target, [new GoalComponent(0, target)], within, 20, scoring: ScoringOptions.Epm(direction));
        var states = xs.Select(x => new[] { x }).ToArray();
        return EpmScoring.Score(new GoalGeometry(goal, states[0]), stepScale, states, converged);
    }

    [Fact]
    public void Nine_indices_and_epm_q_on_a_hand_computed_run()
    {
        // start 0, target 1, within 0.1: |P0| = 1, r0 = 0.9. Step scale h = 0.25, so a judge unit J = 0.1.
        var s = Score([0, 0.25, 0.5, 0.4, 0.7], within: 0.1, stepScale: 0.25);

        // dE = 0.25, 0.25, -0.1, 0.3 -> E = 0.7; final distance to the zone 0.3 - 0.1 = 0.2.
        Assert.Equal(0.7, s.EnergyTotal, 1e-12);
        double idxRdi = ((0.9 - 0.2) / 0.9 * 100 + 100) / 2;
        double idxEtot = 0.7 / (1.2 * 0.9) * 100;
        double idxSnet = 2 / (1.5 * 0.9 / 0.1) * 100;          // levels +1 +1 -1 +1
        double idxRho = 0.7 / 4 / 0.25 * 100;                  // rho = E / T over RHO_MAX = h
        double idxSproj = 0.7 / 5 / 0.25 * 100;                // mean dE over T + 1 points
        double idxTau = (3 - 0.9 / 0.7) / 2 * 100;             // path 0.9, net 0.7
        double idxRpos = 3.0 / 5 * 100;
        double idxAlign = (2.0 / 5 + 1) / 2 * 100;             // cosines 1, 1, -1, 1 and turn 0 as 0
        double idxPen = (1 - 1.0 / 5) / 1 * 100;               // one regression level over 5 points, k = 1
        Assert.Equal(idxRdi, s.IdxRdi, 1e-9);
        Assert.Equal(idxEtot, s.IdxEtot, 1e-9);
        Assert.Equal(idxSnet, s.IdxSnet, 1e-9);
        Assert.Equal(idxRho, s.IdxRho, 1e-9);
        Assert.Equal(idxSproj, s.IdxSproj, 1e-9);
        Assert.Equal(idxTau, s.IdxTau, 1e-9);
        Assert.Equal(idxRpos, s.IdxRpos, 1e-9);
        Assert.Equal(idxAlign, s.IdxAlign, 1e-9);
        Assert.Equal(idxPen, s.IdxPen, 1e-9);

        double outcome = (idxRdi + idxEtot + idxSnet) / 3, efficiency = (idxRho + idxSproj + idxTau) / 3, stability = (idxRpos + idxAlign + idxPen) / 3;
        Assert.Equal(outcome, s.Outcome, 1e-9);
        Assert.Equal(efficiency, s.Efficiency, 1e-9);
        Assert.Equal(stability, s.Stability, 1e-9);
        Assert.Equal(0.4 * outcome + 0.2 * efficiency + 0.4 * stability, s.EpmQ, 1e-9);
        Assert.Equal(EpmOutcome.MaxTurns, s.OutcomeKind);
        Assert.Equal("epm", s.Profile);
        Assert.Equal("2", s.ProfileVersion);
    }

    [Fact]
    public void Per_turn_direction_rewards_coming_back_after_an_overshoot()
    {
        var fixedDirection = Score([0, 1.5, 1.0], within: 0.05, stepScale: 1.5);
        var perTurn = Score([0, 1.5, 1.0], within: 0.05, stepScale: 1.5, EpmDirection.PerTurn);
        Assert.Equal(1.5 - 0.5, fixedDirection.EnergyTotal, 1e-12);
        Assert.Equal(1.5 + 0.5, perTurn.EnergyTotal, 1e-12);
        Assert.Equal("per-turn", perTurn.Direction);
    }

    [Fact]
    public void Reaching_the_zone_with_enough_work_is_a_success()
    {
        var s = Score([0, 0.5, 0.95], within: 0.1, stepScale: 0.5, converged: true);
        Assert.Equal(EpmOutcome.Success, s.OutcomeKind);
        Assert.Equal(100, s.IdxRdi, 1e-9);
        Assert.Equal(2, s.OutcomeTurn);
    }

    [Fact]
    public void Five_turns_of_negative_work_are_a_collapse()
    {
        var s = Score([0, -0.1, -0.2, -0.3, -0.4, -0.5, -0.4], within: 0.1, stepScale: 0.25);
        Assert.Equal(EpmOutcome.Failure, s.OutcomeKind);
        Assert.Equal(5, s.OutcomeTurn);
        Assert.Equal(0, s.IdxEtot);
        Assert.Equal(1.0 / 7 * 100, s.IdxRpos, 1e-9); // only the last step moves toward the target
    }

    [Fact]
    public void Stagnation_with_regression_is_a_failure()
    {
        // Eight small steps, six of them away from the target, |P| barely changes, sum of dE < -J.
        var xs = new[] { 0.0, -0.05, -0.1, -0.15, -0.1, -0.15, -0.2, -0.15, -0.2 };
        var s = Score(xs, within: 0.1, stepScale: 1.0);       // J = 0.4: stagnation threshold 0.2, regression sum < -0.4? no
        Assert.NotEqual(EpmOutcome.Failure, s.OutcomeKind);
        var small = Score(xs, within: 0.1, stepScale: 0.25);  // J = 0.1: sum of dE = -0.2 < -0.1, std of |P| tiny
        Assert.Equal(EpmOutcome.Failure, small.OutcomeKind);
        Assert.Equal(8, small.OutcomeTurn);
    }

    [Fact]
    public void No_movement_scores_zero_work_and_zero_tortuosity_index()
    {
        var s = Score([0, 0, 0], within: 0.1, stepScale: 0.25);
        Assert.Equal(0, s.EnergyTotal);
        Assert.Equal(50, s.IdxRdi, 1e-12);
        Assert.Equal(0, s.IdxTau);
        Assert.Equal(50, s.IdxAlign, 1e-12);
        Assert.Equal(100, s.IdxPen, 1e-12);
    }

    [Fact]
    public void Step_scale_is_the_norm_of_summed_absolute_rule_effects_on_constrained_dimensions()
    {
        var space = Build.Space(("a", -1, 1), ("b", -1, 1), ("c", -1, 1));
        var persona = new PersonaDefinition("P", space, [0, 0, 0],
            [Build.Rule("validation", (0, 0.3), (2, 5.0)), Build.Rule("advice", (0, -0.1), (1, 0.4))]);
        var goal = new GoalDefinition("G", space, GoalKind.Target, [new GoalComponent(0, 0.5), new GoalComponent(1, 0.5)]);
        Assert.Equal(Math.Sqrt(0.4 * 0.4 + 0.4 * 0.4), EpmScoring.StepScale(new GoalGeometry(goal, persona.Start), persona), 1e-15);
    }

    [Fact]
    public void Step_scale_caps_each_dimension_at_its_width_so_huge_effects_leave_the_scores_numbers()
    {
        // No turn moves a dimension further than its width (the state is clamped), so summed effects beyond it do not
        // count; before version 2, effects of 1e308 made h infinite, J infinite, and Idx_Snet and EPM-Q NaN.
        var space = Build.Space(("a", -1, 1), ("b", 0, 0.5));
        var persona = new PersonaDefinition("P", space, [0, 0],
            [Build.Rule("validation", (0, 1e308), (1, 0.2)), Build.Rule("advice", (0, -1e308), (1, 0.2))]);
        var goal = new GoalDefinition("G", space, GoalKind.Target, [new GoalComponent(0, 0.5), new GoalComponent(1, 0.4)],
            scoring: ScoringOptions.Epm(EpmDirection.Fixed));
        var geometry = new GoalGeometry(goal, persona.Start);
        Assert.Equal(Math.Sqrt(2 * 2 + 0.4 * 0.4), EpmScoring.StepScale(geometry, persona), 1e-15);

        var scores = EpmScoring.Score(geometry, persona, [[0, 0], [0, 0], [0.2, 0.1]], converged: false);
        Assert.All(new[] { scores.EpmQ, scores.Outcome, scores.IdxSnet, scores.StepScale }, x => Assert.True(double.IsFinite(x), $"{x}"));
    }
}
