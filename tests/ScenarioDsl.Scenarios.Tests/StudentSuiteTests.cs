using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Generated;

namespace ScenarioDsl.Scenarios.Tests;

/// <summary>xunit theories over the generated suite of the spec example, as a user's suite reads.</summary>
public sealed class StudentSuiteTests
{
    [Theory]
    [MemberData(nameof(Suites.StudentSuite.Cases), MemberType = typeof(Suites.StudentSuite))]
    public void Every_case_keeps_the_state_in_the_space_with_every_agent(EmpsScenario<WellbeingState> scenario)
    {
        foreach (var name in AgentCatalog.BuiltInNames)
        {
            var result = scenario.Run(AgentCatalog.Create(name));
            Assert.Equal(Personas.HighAnxietyStudent.Start, result.Trajectory[0]);
            Assert.InRange(result.Turns, 1, scenario.Goal.Turns);
            Assert.Equal(result.Turns, result.Transcript.Count);
            Assert.Equal(result.Turns + 1, result.Trajectory.Count);
            foreach (var state in result.Trajectory)
                for (int d = 0; d < WellbeingState.Count; d++)
                    Assert.InRange(state[d], WellbeingState.Dimensions[d].Low, WellbeingState.Dimensions[d].High);
            foreach (var turn in result.Transcript)
                Assert.Equal(turn.Cues.OrderBy(c => c, StringComparer.Ordinal), turn.Cues);
            // The persona does not answer on the turn the run converges.
            Assert.Equal(result.Converged, result.Transcript[^1].Persona is null);
            Assert.Equal(Suites.StudentSuite.Name, scenario.Suite);
        }
    }

    [Theory]
    [MemberData(nameof(Suites.StudentSuite.Cases), MemberType = typeof(Suites.StudentSuite))]
    public void The_aligned_agent_does_at_least_as_well_as_the_generic_baseline(EmpsScenario<WellbeingState> scenario)
    {
        var aligned = scenario.Run(new AlignedAgent());
        var generic = scenario.Run(new GenericAgent());
        Assert.NotNull(aligned.ProcessScores);
        Assert.True(aligned.ProcessScores!.Composite >= generic.ProcessScores!.Composite,
            $"{scenario}: aligned {aligned.ProcessScores.Composite:F3} < generic {generic.ProcessScores.Composite:F3}");
    }

    public static TheoryData<EmpsScenario<WellbeingState>> ReduceStressCases() =>
        new(Suites.StudentSuite.All.Where(c => c.Goal.Name == Goals.ReduceStress.Name));

    [Theory]
    [MemberData(nameof(ReduceStressCases))]
    public void Validation_brings_distress_down_and_dismissive_mirroring_does_not(EmpsScenario<WellbeingState> scenario)
    {
        var aligned = scenario.Run(new AlignedAgent());
        Assert.True(aligned.Converged, scenario.Name);
        // Converged: within 0.1 of the start's distress shifted by -0.5.
        Assert.InRange(aligned.Trajectory[^1].Distress, 0.2, 0.4);
        Assert.Contains(aligned.Transcript, t => t.Cues.Contains("validation"));

        var validating = scenario.Run(new ValidatingAgent());
        Assert.True(validating.Final.Distress < validating.Start.Distress - 0.2, scenario.Name);
        Assert.True(validating.Final.Relatedness > validating.Start.Relatedness, scenario.Name);

        var sycophant = scenario.Run(new SycophantAgent());
        Assert.False(sycophant.Converged);
        Assert.True(sycophant.Final.Distress > 0.7, scenario.Name);
        Assert.True(aligned.ProcessScores!.Composite > sycophant.ProcessScores!.Composite);
    }
}
