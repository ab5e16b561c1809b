using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Scoring;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Scoring;

/// <summary>SPEC 2.3 on trajectories small enough to score by hand.</summary>
public class ProcessScoringTests
{
    private static readonly SpaceDefinition Plane = Build.Space(("x", -2, 2), ("y", -2, 2), ("free", -2, 2));

    private static ProcessScores Score(double[][] states, (int, double)[] target, ScoreWeights? weights = null, bool converged = false)
    {
        var goal = new GoalDefinition("G", Plane, GoalKind.Target, target.Select(t => new GoalComponent(t.Item1, t.Item2)).ToArray(), 0.05, 10, weights);
        return ProcessScoring.Score(new GoalGeometry(goal, states[0]), states, converged);
    }

    [Fact]
    public void Two_turns_one_along_u_one_across()
    {
        // u = (1, 0); steps (0.5, 0) then (0, 0.5); the free dimension moves but is not constrained.
        var scores = Score([[0, 0, 0], [0.5, 0, 1], [0.5, 0.5, -1]], [(0, 1.0), (1, 0.0)]);

        double a = 0.5 / Math.Sqrt(0.5);                       // cos((0.5,0.5),(1,0)) = 0.7071
        Assert.Equal(a, scores.Alignment, 1e-15);
        Assert.Equal(1.0, scores.Impact, 1e-15);
        Assert.Equal(1.0, scores.ImpactNormalized, 1e-15);     // min(1, 1 / |u|)
        Assert.Equal(1 - (Math.PI / 4) / Math.PI, scores.Stability, 1e-15); // angles 0 and pi/2: sigma = pi/4
        Assert.Equal(0.5, scores.Progress, 1e-15);
        Assert.Equal((0.4 * (a + 1) / 2 + 0.3 * 1.0 + 0.3 * 0.75) / 1.0, scores.Composite, 1e-15);
        Assert.Equal(2, scores.Turns);
    }

    [Fact]
    public void No_movement_gives_zero_alignment_zero_impact_and_full_stability()
    {
        var scores = Score([[0, 0, 0], [0, 0, 0.3], [0, 0, 0]], [(0, 1.0)]);
        Assert.Equal(0.0, scores.Alignment);
        Assert.Equal(0.0, scores.Impact);
        Assert.Equal(0.0, scores.ImpactNormalized);
        Assert.Equal(1.0, scores.Stability);
        Assert.Equal(0.0, scores.Progress);
        Assert.Equal(0.4 * 0.5 + 0.3 * 1.0, scores.Composite, 1e-15);
    }

    [Fact]
    public void One_moving_turn_is_perfectly_stable_and_moving_away_is_negative()
    {
        var scores = Score([[0, 0, 0], [-0.5, 0, 0], [-0.5, 0, 0]], [(0, 2.0)]);
        Assert.Equal(-1.0, scores.Alignment);
        Assert.Equal(1.0, scores.Stability);
        Assert.Equal(-0.25, scores.Progress);                  // (-0.5 * 2) / 4
        Assert.Equal(0.25, scores.ImpactNormalized);           // 0.5 / 2
        Assert.Equal(0.4 * 0 + 0.3 * 0.25 + 0.3 * 1.0, scores.Composite, 1e-15);
    }

    [Fact]
    public void Impact_normalized_saturates_and_overshoot_counts_as_progress_above_one()
    {
        var scores = Score([[0, 0, 0], [0.8, 0, 0], [1.6, 0, 0], [1.2, 0, 0]], [(0, 1.0)]);
        Assert.Equal(0.8 + 0.8 + 0.4, scores.Impact, 1e-15);
        Assert.Equal(1.0, scores.ImpactNormalized);
        Assert.Equal(1.2, scores.Progress, 1e-15);
        // angles 0, 0, pi: mean pi/3, population sigma = sqrt((2 (pi/3)^2 + (2pi/3)^2) / 3) = pi sqrt(2) / 3
        Assert.Equal(1 - Math.Sqrt(2) / 3, scores.Stability, 1e-14);
    }

    [Fact]
    public void Weights_that_name_only_some_scores_leave_the_others_out()
    {
        var scores = Score([[0, 0, 0], [0.5, 0, 0]], [(0, 1.0)], new ScoreWeights(0, 1, 0));
        Assert.Equal(scores.ImpactNormalized, scores.Composite, 1e-15);
    }

    [Fact]
    public void Shift_goals_are_relative_to_the_start()
    {
        var goal = new GoalDefinition("G", Plane, GoalKind.Shift, [new GoalComponent(1, -0.5)]);
        var geometry = new GoalGeometry(goal, [0.3, 0.8, 0]);
        Assert.Equal([0.8 + -0.5], geometry.Target);
        Assert.Equal([-0.5], geometry.U);
    }
}
