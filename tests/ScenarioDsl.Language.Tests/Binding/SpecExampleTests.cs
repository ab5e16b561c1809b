using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Binding;

public class SpecExampleTests
{
    private static EmpsCompilation Compile()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "scenarios", "student-under-pressure.emps");
        return EmpsCompilation.Create(new[] { SourceText.From(File.ReadAllText(path), "student-under-pressure.emps") });
    }

    [Fact]
    public void Spec_example_has_no_errors_or_warnings()
    {
        var diagnostics = Compile().Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Spec_example_binds_to_the_expected_model()
    {
        var model = Compile().Model;
        var space = Assert.Single(model.Spaces);
        Assert.Equal(new[] { "autonomy", "relatedness", "competence", "distress" }, space.Dimensions.Select(d => d.Name));
        Assert.Equal((0.0, 1.0), (space.Dimensions[3].Low, space.Dimensions[3].High));

        var persona = Assert.Single(model.Personas);
        Assert.Equal(new[] { -0.3, -0.2, -0.6, 0.8 }, persona.Start);
        Assert.Equal(7, persona.Rules.Count);
        Assert.Equal("mirroring", persona.Rules[2].Cue);
        Assert.Equal(new EffectSymbol(3, -0.08), persona.Rules[0].Effects[1]);
        Assert.Equal(new ConditionSymbol(3, ComparisonOperator.Greater, 0.6), persona.Rules[4].Conditions[0]);
        Assert.Equal((0.05, 0.01), (persona.Drift, persona.Noise));
        Assert.Equal(3, persona.Says.Count);
        Assert.Empty(persona.Says[2].Conditions);
        Assert.False(persona.HasErrors);

        var reduce = model.FindGoal("ReduceStress")!;
        Assert.Equal(GoalKind.Shift, reduce.Kind);
        Assert.Equal(new[] { new GoalComponent(3, -0.5) }, reduce.Components);
        Assert.Equal((0.1, 10), (reduce.Within, reduce.Turns));
        var capable = model.FindGoal("FeelCapable")!;
        Assert.Equal(GoalKind.Target, capable.Kind);
        Assert.Equal(new[] { new GoalComponent(0, 0.2), new GoalComponent(2, 0.3) }, capable.Components);
        Assert.Equal((0.05, 12, 0.4, 0.3, 0.3), (capable.Within, capable.Turns, capable.AlignmentWeight, capable.ImpactWeight, capable.StabilityWeight));

        var scenario = Assert.Single(model.Scenarios);
        Assert.Equal(("HighAnxietyStudent", "ReduceStress", 7), (scenario.Persona, scenario.Goal, scenario.Seed));
        var suite = Assert.Single(model.Suites);
        Assert.Equal(10, suite.Cases().Count());
        Assert.Equal("HighAnxietyStudent_FeelCapable_s5", suite.Cases().Last().Name);
        Assert.Equal(6, model.Cues.Count); // five declared + mirroring
    }

    [Fact]
    public void Bound_model_is_equal_for_equal_text_and_differs_when_text_changes()
    {
        var a = Compile().Model;
        var b = Compile().Model;
        Assert.Equal(a, b);
        var changed = EmpsCompilation.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", "student-under-pressure.emps")).Replace("seed    7", "seed    8"), "student-under-pressure.emps").Model;
        Assert.NotEqual(a, changed);
    }
}
