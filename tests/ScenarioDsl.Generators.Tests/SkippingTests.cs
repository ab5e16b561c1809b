using CsCheck;
using ScenarioDsl.Generators.Pipeline;
using ScenarioDsl.Generators.Tests.Infrastructure;
using ScenarioDsl.Language.Binding;

namespace ScenarioDsl.Generators.Tests;

/// <summary>
/// Declarations with errors, and what depends on them, are skipped; the rest is still generated. The binder
/// decides: the generator skips exactly the declarations flagged <c>HasErrors</c> and checks nothing else.
/// </summary>
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
        var members = output.Members();
        Assert.Contains("Personas.HighAnxietyStudent", members);
        Assert.Contains("Scenarios.StudentUnderPressure", members);
        Assert.Contains("Suites.StudentSuite", members);
        Assert.DoesNotContain("Personas.Broken", members);
        Assert.DoesNotContain("Scenarios.UsesBroken", members);
        Assert.DoesNotContain("Goals.AlsoBroken", members);
        Assert.DoesNotContain("Scenarios.UsesBrokenGoal", members);
        Assert.DoesNotContain("Suites.MixedSuite", members);
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
        var members = output.Members().OrderBy(m => m, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Goals.GGood", "Personas.InGood", "Scenarios.DeclaredCues__", "Scenarios.SGood", "Spaces.Good"], members);
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

    /// <summary>Small valid declarations the cases below break one at a time.</summary>
    private const string Valid = """
        space Mood { calm [0, 1] trust [-1, 1] }
        cues { kind "that makes sense" }
        persona Worrier in Mood { start { calm: 0.2, trust: 0 } on kind => calm += 0.1 says "hm" }
        goal Calm in Mood { target { calm: 0.9 } }
        scenario Calming { persona Worrier goal Calm }
        suite Calmings { personas Worrier goals Calm seeds 1..2 }

        """;

    /// <summary>
    /// Inputs the generator used to refuse itself, besides the binder (rules C# imposes: identifiers, members of the
    /// generated classes, one state type per suite...). Each names the declaration that must come out flagged.
    /// </summary>
    public static TheoryData<string, string, string> RulesTheBinderEnforces => new()
    {
        { "dimension named like its state type", "Spaces.Other", "space Other { other_state [0, 1] }\npersona InOther in Other { start { other_state: 0 } says \"x\" }" },
        { "dimension named like a member of the state type", "Spaces.Other", "space Other { count [0, 1] }" },
        { "two dimensions, one identifier", "Spaces.Other", "space Other { a_b [0, 1] aB [0, 1] }" },
        { "space without dimensions", "Spaces.Other", "space Other { }" },
        { "space named like its container", "Spaces.Spaces", "space Spaces { x [0, 1] }" },
        { "two personas, one identifier", "Personas.Worrier2", "persona worrier2 in Mood { start { calm: 0.2, trust: 0 } says \"x\" }\npersona Worrier2 in Mood { start { calm: 0.2, trust: 0 } says \"x\" }" },
        { "persona with an incomplete start", "Personas.Half", "persona Half in Mood { start { calm: 0.2 } says \"x\" }" },
        { "persona with an unknown dimension in a rule", "Personas.Odd", "persona Odd in Mood { start { calm: 0.2, trust: 0 } on kind => nope += 0.1 says \"x\" }" },
        { "goal constraining no dimension", "Goals.Empty", "goal Empty in Mood { target { } }" },
        { "goal with zero turns", "Goals.Never", "goal Never in Mood { target { calm: 0.9 } turns 0 }" },
        { "scenario across two spaces", "Scenarios.Across", "space Other { x [0, 1] }\ngoal InOther in Other { target { x: 0.9 } }\nscenario Across { persona Worrier goal InOther }" },
        { "suite across two spaces", "Suites.Across", "space Other { x [0, 1] }\ngoal InOther in Other { target { x: 0.9 } }\nsuite Across { personas Worrier goals Calm, InOther }" },
        { "suite named Cases", "Suites.Cases", "suite Cases { personas Worrier goals Calm }" },
        { "suite named All", "Suites.All", "suite all { personas Worrier goals Calm }" },
        { "suite named Name", "Suites.Name", "suite Name { personas Worrier goals Calm }" },
        { "suite named like its row type Case", "Suites.Case", "suite Case { personas Worrier goals Calm }" },
        { "scenario named like its container", "Scenarios.Scenarios", "scenario Scenarios { persona Worrier goal Calm }" },
    };

    [Theory]
    [MemberData(nameof(RulesTheBinderEnforces))]
    public void What_csharp_cannot_take_is_an_error_of_the_binder_and_skipped_through_HasErrors(string rule, string member, string declarations)
    {
        string text = Valid + declarations;
        var named = Declarations(EmpsCompilation.FromText(text, "/s.emps").Model).Where(d => d.Member == member).ToArray();
        Assert.Contains(named, d => d.HasErrors);

        var output = GeneratorHarness.Generate("/s.emps", text);
        GeneratorHarness.AssertCompilesClean(output, rule);
        var members = output.Members();
        // Only the declarations without errors are generated (one, when two names make one identifier).
        Assert.Equal(named.Count(d => !d.HasErrors), members.Count(m => m == member));
        foreach (var valid in new[] { "Spaces.Mood", "Personas.Worrier", "Goals.Calm", "Scenarios.Calming", "Suites.Calmings" })
            Assert.Contains(valid, members);
    }

    [Fact]
    public void Emitted_declarations_are_exactly_those_without_errors_in_every_prefix_and_random_file()
    {
        string spec = File.ReadAllText(Path.Combine(TestPaths.Scenarios, "student-under-pressure.emps"));
        for (int length = 0; length <= spec.Length; length += 11)
            AssertEmitsExactlyTheValid(spec.Substring(0, length), "prefix length " + length);
        foreach (var (rule, _, declarations) in RulesTheBinderEnforces.Select(r => ((string)r[0], (string)r[1], (string)r[2])))
            AssertEmitsExactlyTheValid(Valid + declarations, rule);
        // Warnings do not stop a declaration: EMPS2008 (target unreachable) leaves the scenario generated.
        AssertEmitsExactlyTheValid(Valid + "goal Trusting in Mood { target { trust: 0.9 } }\nscenario Unreachable { persona Worrier goal Trusting }", "warning only");
        RandomEmps.Files.Sample(text => AssertEmitsExactlyTheValid(text, text), iter: 50, threads: 1);
    }

    private static void AssertEmitsExactlyTheValid(string text, string context)
    {
        var model = EmpsCompilation.FromText(text, "/s.emps").Model;
        var expected = Declarations(model).Where(d => !d.HasErrors).Select(d => d.Member).ToList();
        bool runnable = model.Scenarios.Any(s => !s.HasErrors) || model.Suites.Any(s => !s.HasErrors);
        if (runnable) expected.Add("Scenarios.DeclaredCues__");

        var files = EmitModelBuilder.Build(model, new EmitOptions("Tests.Generated"));
        var built = files.SelectMany(f => f.Declarations).Select(Member).ToList();
        // One file for the .emps file when it has anything to emit, and one for the cue list when anything can run.
        var hints = new List<string>();
        if (expected.Count > (runnable ? 1 : 0)) hints.Add("s.emps.g.cs");
        if (runnable) hints.Add("Cues.g.cs");
        Assert.Equal(hints, files.Select(f => f.HintName));
        Assert.True(expected.OrderBy(h => h, StringComparer.Ordinal).SequenceEqual(built.OrderBy(h => h, StringComparer.Ordinal)),
            $"{context}\nexpected: {string.Join(", ", expected)}\nbuilt:    {string.Join(", ", built)}");
    }

    /// <summary>The generated member an emit model stands for, <c>Container.Identifier</c>.</summary>
    private static string Member(EmitModel model) => model switch
    {
        SpaceModel m => "Spaces." + m.Identifier,
        PersonaModel m => "Personas." + m.Identifier,
        GoalModel m => "Goals." + m.Identifier,
        ScenarioModel m => "Scenarios." + m.Identifier,
        SuiteModel m => "Suites." + m.Identifier,
        CuesModel => "Scenarios.DeclaredCues__",
        _ => throw new ArgumentOutOfRangeException(nameof(model), model.GetType().Name),
    };

    /// <summary>Every declaration of the model with the member it is generated as.</summary>
    private static IEnumerable<(string Member, bool HasErrors)> Declarations(BoundModel model) =>
        model.Spaces.Select(d => ("Spaces." + IdentifierNaming.ToPascalCase(d.Name), d.HasErrors))
            .Concat(model.Personas.Select(d => ("Personas." + IdentifierNaming.ToPascalCase(d.Name), d.HasErrors)))
            .Concat(model.Goals.Select(d => ("Goals." + IdentifierNaming.ToPascalCase(d.Name), d.HasErrors)))
            .Concat(model.Scenarios.Select(d => ("Scenarios." + IdentifierNaming.ToPascalCase(d.Name), d.HasErrors)))
            .Concat(model.Suites.Select(d => ("Suites." + IdentifierNaming.ToPascalCase(d.Name), d.HasErrors)));

    [Fact]
    public void A_bound_model_that_breaks_a_binder_guarantee_fails_loudly_instead_of_being_skipped()
    {
        // A persona without errors in a space that does not exist: the binder never builds this (EMPS1002 flags
        // the persona). The generator used to skip it silently; now it trusts the binder, and the broken
        // guarantee is an exception (the compiler's CS8785), in Debug builds naming the guarantee.
        var model = EmpsCompilation.FromText(Valid, "/s.emps").Model;
        Assert.False(model.Personas.Single().HasErrors);
        var broken = model with { Personas = model.Personas.Select(p => p with { Space = "Nowhere" }).ToEquatableArray() };
#if DEBUG
        var e = Assert.Throws<InvalidOperationException>(() => EmitModelBuilder.Build(broken, new EmitOptions("N")));
        Assert.Contains("'Worrier'", e.Message);
#else
        Assert.Throws<KeyNotFoundException>(() => EmitModelBuilder.Build(broken, new EmitOptions("N")));
#endif
        Assert.NotEmpty(EmitModelBuilder.Build(model, new EmitOptions("N")));
    }
}
