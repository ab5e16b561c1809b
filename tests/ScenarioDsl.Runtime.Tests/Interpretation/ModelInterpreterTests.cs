using ScenarioDsl.Language.Binding;
using EpmDirection = ScenarioDsl.Runtime.Definitions.EpmDirection;
using GoalKind = ScenarioDsl.Runtime.Definitions.GoalKind;
using ScenarioDsl.Runtime.Agents;
using ScenarioDsl.Runtime.Definitions;
using ScenarioDsl.Runtime.Interpretation;
using ScenarioDsl.Runtime.Tests.Infrastructure;

namespace ScenarioDsl.Runtime.Tests.Interpretation;

public class ModelInterpreterTests
{
    private const string Small = """
        space Mood { calm [0, 1] "How calm"  trust [-1, 1] }
        cues { validation "that makes sense"  dismissal "calm down" }
        persona Worrier in Mood {
          start { calm: 0.2, trust: 0 }
          opens "Everything is going wrong."
          on validation => calm += 0.25, trust += 0.1
          on dismissal when calm < 0.5 => calm -= 0.1
          drift 0.1
          says when calm > 0.6 "Better now."
          says "Still worried."
        }
        goal Calm in Mood { target { calm: 0.9 } within 0.05 turns 6 }
        goal CalmEpm in Mood { shift { calm: 0.5 } turns 6 scoring epm direction per-turn }
        scenario CalmTheWorrier { persona Worrier goal Calm seed 3 }
        suite Both { personas Worrier goals Calm, CalmEpm seeds 1..2 }
        """;

    [Fact]
    public void Maps_the_bound_model_to_runnable_definitions()
    {
        var compilation = EmpsCompilation.FromText(Small);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var library = ModelInterpreter.Load(compilation);

        var scenario = Assert.Single(library.Scenarios);
        Assert.Equal("CalmTheWorrier", scenario.Name);
        Assert.Equal(3, scenario.Seed);
        Assert.Equal(["calm", "trust"], scenario.Space.DimensionNames());
        Assert.Equal([0.2, 0.0], scenario.Persona.Start);
        Assert.Equal(0.1, scenario.Persona.Drift);
        Assert.Equal(["dismissal", "mirroring", "validation"], scenario.Cues.Cues.Select(c => c.Name));
        Assert.Equal(Comparison.Less, scenario.Persona.Rules[1].Conditions[0].Operator);
        Assert.Equal(-0.1, scenario.Persona.Rules[1].Effects[0].Amount);

        var suite = Assert.Single(library.Suites);
        Assert.Equal(["Worrier_Calm_s1", "Worrier_Calm_s2", "Worrier_CalmEpm_s1", "Worrier_CalmEpm_s2"], suite.Cases.Select(c => c.Name));
        Assert.Equal(ScoringKind.Epm, suite.Cases[2].Goal.Scoring.Kind);
        Assert.Equal(EpmDirection.PerTurn, suite.Cases[2].Goal.Scoring.Direction);
        Assert.Equal(GoalKind.Shift, suite.Cases[2].Goal.Kind);
    }

    [Fact]
    public void An_interpreted_run_matches_the_hand_computed_trajectory()
    {
        var scenario = ModelInterpreter.Load(Small).Scenarios[0];
        var result = scenario.Run(new ScriptedAgent(["That makes sense."]));

        double c0 = 0.2, t0 = 0.0;
        double c1 = (c0 + 0.25) + 0.1 * (c0 - c0), t1 = (t0 + 0.1) + 0.1 * (t0 - t0);
        double c2 = (c1 + 0.25) + 0.1 * (c0 - c1), t2 = (t1 + 0.1) + 0.1 * (t0 - t1);
        double c3 = (c2 + 0.25) + 0.1 * (c0 - c2), t3 = (t2 + 0.1) + 0.1 * (t0 - t2);
        Assert.Equal([c1, t1], result.States[1]);
        Assert.Equal([c2, t2], result.States[2]);
        Assert.Equal([c3, t3], result.States[3]);
        Assert.Equal("Everything is going wrong.", result.Opening);
        Assert.Equal(c1 > 0.6 ? "Better now." : "Still worried.", result.Messages[0].Persona);
        Assert.Equal("process", result.Scores.Profile);
    }

    [Fact]
    public void The_shipped_student_scenario_runs_under_every_reference_agent()
    {
        var compilation = EmpsCompilation.FromText(ShippedScenarios.StudentText, "student-under-pressure.emps");
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var library = ModelInterpreter.Load(compilation);
        Assert.Equal(1 + 10, library.AllRuns().Count());
        foreach (var name in AgentCatalog.BuiltInNames)
        {
            var result = library.Scenarios[0].Run(AgentCatalog.Create(name));
            Assert.InRange(result.Turns, 1, 10);
            Assert.All(result.Messages, m => Assert.False(string.IsNullOrWhiteSpace(m.Agent)));
        }
    }
}
