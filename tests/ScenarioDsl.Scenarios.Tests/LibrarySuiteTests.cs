using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Generated;
using ScenarioDsl.Runtime.Scoring;

namespace ScenarioDsl.Scenarios.Tests;

/// <summary>The shipped library's suites (the brief's benchmark and the EMPA-style deficit set), typed.</summary>
public sealed class LibrarySuiteTests
{
    [Theory]
    [MemberData(nameof(Suites.BriefBenchmark.Cases), MemberType = typeof(Suites.BriefBenchmark))]
    public void Brief_benchmark_cases_stay_in_the_wellbeing_space(EmpsScenario<WellbeingState> scenario)
    {
        foreach (var name in AgentCatalog.BuiltInNames)
        {
            var result = scenario.Run(AgentCatalog.Create(name));
            Assert.Equal(scenario.Persona.Start, result.Trajectory[0]);
            Assert.All(result.Trajectory, s =>
            {
                Assert.InRange(s.Distress, 0, 1);
                Assert.InRange(s.Autonomy, -1, 1);
                Assert.InRange(s.Relatedness, -1, 1);
                Assert.InRange(s.Competence, -1, 1);
            });
            Assert.NotNull(result.ProcessScores);
            Assert.InRange(result.ProcessScores!.Composite, 0, 1);
            Assert.Equal(result.Turns, result.ProcessScores.Turns);
        }
    }

    [Fact]
    public void Brief_benchmark_is_twelve_personas_by_three_goals_by_three_seeds()
    {
        Assert.Equal(12 * 3 * 3, Suites.BriefBenchmark.All.Count);
        Assert.All(Suites.BriefBenchmark.All, c => Assert.Equal(Suites.BriefBenchmark.Name, c.Suite));
        Assert.Equal(
            Suites.BriefBenchmark.All.Select(c => c.Name).Distinct().Count(),
            Suites.BriefBenchmark.All.Count);
    }

    [Theory]
    [MemberData(nameof(Suites.EmpaSuite.Cases), MemberType = typeof(Suites.EmpaSuite))]
    public void Empa_cases_are_scored_with_epm_and_deficits_never_go_positive(EmpsScenario<EmpathyDeficitsState> scenario)
    {
        var result = scenario.Run(new AlignedAgent());
        Assert.NotNull(result.EpmScores);
        Assert.Null(result.ProcessScores);
        Assert.Equal(EpmScores.ProfileName, result.Scores.Profile);
        Assert.All(result.Trajectory, s =>
        {
            Assert.InRange(s.Cognitive, -12, 0);
            Assert.InRange(s.Affective, -12, 0);
            Assert.InRange(s.Proactive, -12, 0);
        });
        Assert.Equal(scenario.Goal.Name == Goals.RecoverPerTurn.Name ? "per-turn" : "fixed", result.EpmScores!.Direction);
    }

    [Fact]
    public void The_aligned_agent_closes_more_deficit_than_the_sycophant_on_average()
    {
        double Closed(IAgent agent) => Suites.EmpaSuite.All.Average(c =>
        {
            var r = c.Run(agent);
            return (r.Final.Cognitive + r.Final.Affective + r.Final.Proactive) - (r.Start.Cognitive + r.Start.Affective + r.Start.Proactive);
        });
        Assert.True(Closed(new AlignedAgent()) > Closed(new SycophantAgent()));
    }
}
