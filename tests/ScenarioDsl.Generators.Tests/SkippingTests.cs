using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Tests;

/// <summary>Declarations with errors, and what depends on them, are skipped; the rest is still generated.</summary>
public sealed class SkippingTests
{
    [Fact]
    public void A_broken_declaration_is_skipped_while_the_rest_is_generated()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps")) + """

            persona Broken in Wellbeing {
              start { autonomy: 5, relatedness: 0, competence: 0, distress: 0 }
              says "x"
            }
            scenario UsesBroken { persona Broken goal ReduceStress }
            goal AlsoBroken in Wellbeing { target { nope: 1 } }
            scenario UsesBrokenGoal { persona HighAnxietyStudent goal AlsoBroken }
            suite MixedSuite { personas HighAnxietyStudent, Broken goals ReduceStress }
            """;
        var compilation = EmpsCompilation.FromText(text, "/s.emps");
        Assert.True(compilation.HasErrors);

        var output = GeneratorHarness.Generate("/s.emps", text);
        GeneratorHarness.AssertCompilesClean(output);
        var hints = output.Sources.Select(s => s.HintName).ToHashSet();
        Assert.Contains("Personas.HighAnxietyStudent.g.cs", hints);
        Assert.Contains("Scenarios.StudentUnderPressure.g.cs", hints);
        Assert.Contains("Suites.StudentSuite.g.cs", hints);
        Assert.DoesNotContain("Personas.Broken.g.cs", hints);
        Assert.DoesNotContain("Scenarios.UsesBroken.g.cs", hints);
        Assert.DoesNotContain("Goals.AlsoBroken.g.cs", hints);
        Assert.DoesNotContain("Scenarios.UsesBrokenGoal.g.cs", hints);
        Assert.DoesNotContain("Suites.MixedSuite.g.cs", hints);
    }

    [Fact]
    public void A_broken_space_takes_its_personas_goals_and_scenarios_with_it()
    {
        string text = """
            space Bad { a [1, 0] }
            space Good { a [0, 1] }
            cues { kind "x" }
            persona InBad in Bad { start { a: 0.5 } says "x" }
            persona InGood in Good { start { a: 0.5 } on kind => a += 0.1 says "x" }
            goal GBad in Bad { target { a: 0.9 } }
            goal GGood in Good { target { a: 0.9 } }
            scenario SBad { persona InBad goal GBad }
            scenario SGood { persona InGood goal GGood }
            """;
        var output = GeneratorHarness.Generate("/s.emps", text);
        GeneratorHarness.AssertCompilesClean(output);
        var hints = output.Sources.Select(s => s.HintName).OrderBy(h => h).ToArray();
        Assert.Equal(["Cues.g.cs", "Goals.GGood.g.cs", "Personas.InGood.g.cs", "Scenarios.SGood.g.cs", "Spaces.Good.g.cs"], hints);
    }

    [Fact]
    public void Every_prefix_of_the_spec_example_generates_compilable_code()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        for (int length = 0; length <= text.Length; length += 7)
        {
            var output = GeneratorHarness.Generate("/s.emps", text.Substring(0, length));
            GeneratorHarness.AssertCompilesClean(output, "prefix length " + length);
        }
    }
}
