using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;

namespace ScenarioDsl.Scenarios.Tests;

/// <summary>Single generated scenarios and the typed metadata around them.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public void Student_under_pressure_calms_down_with_the_aligned_agent()
    {
        var result = Scenarios.StudentUnderPressure.Run(new AlignedAgent());

        Assert.Equal(7, result.Seed);
        Assert.True(result.Converged);
        Assert.True(result.Trajectory[^1].Distress <= 0.4, $"final distress {result.Trajectory[^1].Distress}");
        Assert.True(result.Trajectory[^1].Distress < result.Trajectory[0].Distress);
        Assert.True(result.Turns < Goals.ReduceStress.Turns);
        Assert.Equal(Personas.HighAnxietyStudent.Opens, result.Opening);
        Assert.True(result.ProcessScores!.Alignment > 0.9);
        Assert.True(result.ProcessScores.Composite > 0.9);
    }

    [Fact]
    public void Runs_are_deterministic_and_the_seed_can_be_overridden()
    {
        var a = Scenarios.StudentUnderPressure.Run(new GenericAgent());
        var b = Scenarios.StudentUnderPressure.Run(new GenericAgent());
        Assert.Equal(a.Trajectory, b.Trajectory);
        var other = Scenarios.StudentUnderPressure.Run(new GenericAgent(), seed: 8);
        Assert.Equal(8, other.Seed);
        Assert.NotEqual(a.Trajectory, other.Trajectory);
    }

    [Fact]
    public async Task RunAsync_matches_Run_and_honours_cancellation()
    {
        var sync = Scenarios.StudentUnderPressure.Run(new ValidatingAgent());
        var async = await Scenarios.StudentUnderPressure.RunAsync(new ValidatingAgent(), CancellationToken.None);
        Assert.Equal(sync.Trajectory, async.Trajectory);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Scenarios.StudentUnderPressure.RunAsync(new ValidatingAgent(), cancelled.Token));
    }

    [Fact]
    public void Typed_declarations_expose_the_emps_values()
    {
        Assert.Equal(0.8, Personas.HighAnxietyStudent.Start.Distress);
        Assert.Equal(-0.6, Personas.HighAnxietyStudent.Start.Competence);
        Assert.Equal(new WellbeingState(-0.3, -0.2, -0.6, 0.8), Personas.HighAnxietyStudent.Start);
        Assert.Equal(["autonomy", "relatedness", "competence", "distress"], WellbeingState.Dimensions.Select(d => d.Name));
        Assert.Equal("Momentary negative affect", WellbeingState.Dimensions[3].Description);
        Assert.Equal(0, WellbeingState.Dimensions[3].Low);
        Assert.Same(Spaces.Wellbeing, WellbeingState.Space);
        Assert.Equal(0.05, Personas.HighAnxietyStudent.Drift);
        Assert.Equal(7, Personas.HighAnxietyStudent.Definition.Rules.Count);
        Assert.Equal(GoalKind.Shift, Goals.ReduceStress.Kind);
        Assert.Equal(0.3, Goals.ReduceStress.TargetFor(Personas.HighAnxietyStudent.Start).Distress, 12);
        Assert.Equal(12, Goals.FeelCapable.Turns);
        Assert.Equal(10, Suites.StudentSuite.All.Count);
        Assert.Equal("HighAnxietyStudent_ReduceStress_s1", Suites.StudentSuite.All[0].Name);
        Assert.Equal("HighAnxietyStudent_FeelCapable_s5", Suites.StudentSuite.All[^1].Name);
        Assert.Equal(10, Suites.StudentSuite.Cases.Count());
    }

    [Fact]
    public void State_struct_round_trips_through_spans()
    {
        var state = new WellbeingState(0.1, 0.2, 0.3, 0.4);
        Span<double> values = stackalloc double[WellbeingState.Count];
        state.CopyTo(values);
        Assert.Equal(state, WellbeingState.FromSpan(values));
        Assert.Equal([0.1, 0.2, 0.3, 0.4], state.ToArray());
        Assert.Equal(0.3, state[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => state[4]);
    }

    [Fact]
    public void Compiled_rules_are_used_not_the_interpreter()
    {
        Assert.EndsWith("__Dynamics", Scenarios.StudentUnderPressure.Definition.Dynamics.GetType().Name);
    }
}
