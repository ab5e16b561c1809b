using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Text;
using static ScenarioDsl.Language.Tests.Diagnostics.MarkedSource;

namespace ScenarioDsl.Language.Tests.Diagnostics;

/// <summary>
/// One test per catalogue code: the code is reported once, at the marked span, with its default
/// severity; and a near miss does not report it. Every test starts from <see cref="Space"/> ...
/// <see cref="Scenario"/>, a small compilation with no diagnostics at all.
/// </summary>
public class DiagnosticCodeTests
{
    private const string Space = """
        space Mood {
          calm  [0, 1]  "How calm"
          trust [-1, 1]
        }

        """;

    private const string Cues = """
        cues {
          warmth "i hear you", "that sounds hard"
          advice "you should"
        }

        """;

    private static string Persona(string extra = "", string start = "start { calm: 0.2, trust: 0 }", string name = "Worrier") => $$"""
        persona {{name}} in Mood {
          {{start}}
          on warmth => calm += 0.1, trust += 0.1
          on advice => trust -= 0.05
          says "Hm."
        {{extra}}
        }

        """;

    private static string Goal(string body = "target { calm: 0.8 }", string name = "Calm") => $$"""
        goal {{name}} in Mood {
          {{body}}
        }

        """;

    private static string Scenario(string persona = "Worrier", string goal = "Calm") => $$"""
        scenario Check {
          persona {{persona}}
          goal {{goal}}
        }

        """;

    private static readonly string Valid = Space + Cues + Persona() + Goal() + Scenario();

    [Fact]
    public void The_base_compilation_has_no_diagnostics()
    {
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.FromText(Valid);
        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void EMPS0001_syntax_error()
    {
        var d = AssertReported("EMPS0001", Space + Cues + Persona("  [|stat|] { calm: 0.2 }") + Goal() + Scenario());
        Assert.Contains("did you mean 'start'?", d.Message);
        Assert.Equal("start", d.Suggestion!.NewText);
        var unexpected = AssertReported("EMPS0001", Space + Cues + Persona() + Goal("target { calm: [|}|]") + Scenario());
        Assert.Equal("unexpected '}'; expected a number", unexpected.Message);
        // At a line break the error sits where the missing token was expected: right after the previous token.
        var expected = AssertReported("EMPS0001", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  within$$\n  turns 3") + Scenario());
        Assert.Equal("expected a number", expected.Message);
        AssertNotReported("EMPS0001", Valid);
    }

    [Fact]
    public void EMPS0001_a_missing_comma_between_entries_names_the_comma()
    {
        // After an entry only ',' or '}' may come: a forgotten comma was reported as "expected '}'".
        var d = AssertReported("EMPS0001", Space + Cues + Persona(start: "start { calm: 0.2 [|trust|]: 0 }") + Goal() + Scenario());
        Assert.Equal("unexpected 'trust'; expected ',' or '}'", d.Message);
        var target = AssertReported("EMPS0001", Space + Cues + Persona() + Goal("target { calm: 0.8 [|trust|]: 0.5 }") + Scenario());
        Assert.Equal("unexpected 'trust'; expected ',' or '}'", target.Message);
        // A block left open at the end of its line: either was expected right after the last entry.
        var open = AssertReported("EMPS0001", Space + Cues + Persona(start: "start { calm: 0.2, trust: 0$$") + Goal() + Scenario());
        Assert.Equal("expected ',' or '}'", open.Message);
    }

    [Fact]
    public void EMPS0001_a_missing_comma_after_a_list_on_its_line_names_the_comma()
    {
        // A list (suite names, a rule's effects, a cue's phrases) that ends where its line goes on: the comma was forgotten.
        const string other = "persona Other in Mood {\n  start { calm: 0.2, trust: 0 }\n  on warmth => calm += 0.1\n  says \"x\"\n}\n";
        var names = AssertReported("EMPS0001", Space + Cues + Persona() + other + Goal() + Scenario()
            + "suite Both {\n  personas Worrier [|Other|]\n  goals Calm\n}\n");
        Assert.Equal("unexpected 'Other'; expected ',', a member (personas, goals, seeds) or '}'", names.Message);
        var effects = AssertReported("EMPS0001", Space + Cues + Persona("  on advice => calm += 0.1 [|trust|] -= 0.1") + Goal() + Scenario());
        Assert.Equal("unexpected 'trust'; expected ',', a member (about, traits, start, opens, on, drift, noise, says) or '}'", effects.Message);
        var phrases = AssertReported("EMPS0001", Space + "cues {\n  warmth \"i hear you\" [|\"that sounds hard\"|]\n  advice \"you should\"\n}\n" + Persona() + Goal() + Scenario());
        Assert.Equal("unexpected string \"that sounds hard\"; expected ',', a cue or '}'", phrases.Message);
        // On the next line a member is what was expected: no comma offered.
        var nextLine = AssertReported("EMPS0001", Space + Cues + Persona() + other + Goal() + Scenario()
            + "suite Both {\n  personas Worrier\n  [|Other|]\n  goals Calm\n}\n");
        Assert.Equal("unexpected 'Other'; expected a member (personas, goals, seeds) or '}'", nextLine.Message);
    }

    [Fact]
    public void EMPS0001_a_seed_range_written_with_a_dash_asks_for_dot_dot()
    {
        // `1-3` lexes as 1 and -3; a number can never follow `seeds N`, so the range syntax is what was meant.
        const string suite = "suite All_of_them {\n  personas Worrier\n  goals Calm\n  seeds 1[|-3|]\n}\n";
        var d = AssertReported("EMPS0001", Space + Cues + Persona() + Goal() + Scenario() + suite);
        Assert.Equal("unexpected number '-3'; expected '..'", d.Message);
        AssertNotReported("EMPS0001", Space + Cues + Persona() + Goal() + Scenario() + suite.Replace("1[|-3|]", "1..3"));
    }

    [Fact]
    public void EMPS0001_a_declaration_after_another_on_its_line_must_start_a_new_line()
    {
        var d = AssertReported("EMPS0001", Valid + "space Other { x [0, 1] } [|space|] Far { y [0, 1] }\n");
        Assert.Equal("unexpected 'space'; a declaration must start on a new line", d.Message);
        Assert.Null(d.Suggestion);
        AssertNotReported("EMPS0001", Valid + "space Other { x [0, 1] }\nspace Far { y [0, 1] }\n");
        // Anything else after a declaration still says what was expected there.
        var other = AssertReported("EMPS0001", Valid + "space Other { x [0, 1] } [|spac|] Far { y [0, 1] }\n");
        Assert.Equal("unexpected 'spac'; expected a declaration (space, cues, persona, goal, scenario or suite); did you mean 'space'?", other.Message);
    }

    [Fact]
    public void EMPS0002_invalid_number()
    {
        AssertReported("EMPS0002", Space + Cues + Persona("  drift [|1e999|]") + Goal() + Scenario());
        AssertReported("EMPS0002", Space + Cues + Persona("  noise [|NaN|]") + Goal() + Scenario());
        AssertNotReported("EMPS0002", Space + Cues + Persona("  drift 1e-3") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS0002_an_invalid_number_written_twice_is_reported_twice()
    {
        foreach (string number in new[] { "1e999", "-1e999", "2e" })
        {
            string source = Space + Cues + Persona($"  drift {number}\n  noise {number}") + Goal() + Scenario();
            var reported = EmpsCompilation.FromText(source, "test.emps").Diagnostics.Where(d => d.Code == "EMPS0002").ToList();
            int drift = source.IndexOf("drift " + number, StringComparison.Ordinal) + 6, noise = source.IndexOf("noise " + number, StringComparison.Ordinal) + 6;
            Assert.Equal(new[] { new TextSpan(drift, number.Length), new TextSpan(noise, number.Length) }, reported.Select(d => d.Location.Span));
        }
    }

    [Fact]
    public void EMPS0002_a_signed_non_finite_name_is_an_invalid_number_like_the_unsigned_one()
    {
        var unsigned = AssertReported("EMPS0002", Space + Cues + Persona("  on advice when calm > [|Infinity|] => trust -= 0.05") + Goal() + Scenario());
        Assert.Equal("invalid number 'Infinity': numbers must be finite", unsigned.Message);
        foreach (string text in new[] { "-Infinity", "+Infinity", "-NaN", "+inf" })
        {
            string source = Space + Cues + Persona($"  on advice when calm > [|{text}|] => trust -= 0.05") + Goal() + Scenario();
            var d = AssertReported("EMPS0002", source);
            Assert.Equal($"invalid number '{text}': numbers must be finite", d.Message);
            AssertNotReported("EMPS0001", Parse(source).Text); // no "unexpected '-'" or "unexpected character '+'"
        }
        AssertReported("EMPS0002", "space Wide {\n  x [[|-Infinity|], 1]\n}\n" + Space + Cues + Persona() + Goal() + Scenario());
        // Signs before other names are not numbers: `per-turn` stays three tokens.
        AssertNotReported("EMPS0002", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  scoring epm direction per-turn") + Scenario());
        AssertReported("EMPS0001", Space + Cues + Persona("  drift [|-|]Infinite") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS0003_unterminated_string_or_comment()
    {
        AssertReported("EMPS0003", Space + Cues + Persona("  about [|\"no closing quote|]") + Goal() + Scenario());
        AssertReported("EMPS0003", Valid + "[|/*|] never closed");
        AssertNotReported("EMPS0003", Valid + "/* closed */");
    }

    [Fact]
    public void EMPS1001_duplicate_declaration()
    {
        var d = AssertReported("EMPS1001", Valid + "persona [|Worrier|] in Mood {\n  start { calm: 0, trust: 0 }\n  says \"x\"\n}\n");
        Assert.Contains("test.emps(9,9)", d.Message);
        AssertNotReported("EMPS1001", Valid + Persona(name: "Other") + Scenario(persona: "Other").Replace("Check", "Check2"));
    }

    [Fact]
    public void EMPS1001_two_cases_of_a_suite_with_the_same_name()
    {
        // Persona A_B with goal C and persona A with goal B_C are both named A_B_C_s1.
        string Declarations(string secondPersona) => Space + Cues + Persona(name: "A_B") + Persona(name: "A") + Persona(name: "A_C")
            + Goal(name: "C") + Goal(name: "B_C") + "suite S {\n  personas A_B, " + secondPersona + "\n  goals C, B_C\n  seeds 1..3\n}\n";

        var d = AssertReported("EMPS1001", Declarations("[|A|], A_C"));
        Assert.Equal("case 'A_B_C_s1' is already declared (in suite 'S' by persona 'A_B' with goal 'C'; persona 'A' with goal 'B_C' gives the same name)", d.Message);
        var compilation = EmpsCompilation.FromText(Declarations("A, A_C"), "test.emps");
        Assert.True(compilation.Model.Suites.Single().HasErrors); // not generated, not run: no results would be lost
        AssertNotReported("EMPS1001", Declarations("A_C"));
    }

    [Fact]
    public void EMPS0002_a_suite_with_more_cases_than_the_limit()
    {
        string Suite(string seeds) => Space + Cues + Persona(name: "P1") + Persona(name: "P2") + Goal(name: "G1") + Goal(name: "G2")
            + "suite S {\n  personas P1, P2\n  goals G1, G2\n  " + seeds + "\n}\n";

        // 2 x 2 x 10,000 seeds (the most one suite may list) = 40,000 cases: within the limit of 100,000.
        AssertNotReported("EMPS0002", Suite("seeds 1..10000"));
        // 11 personas x 10 goals x 1,000 seeds is over it.
        var personas = string.Concat(Enumerable.Range(0, 11).Select(i => Persona(name: $"P{i}")));
        var goals = string.Concat(Enumerable.Range(0, 10).Select(i => Goal(name: $"G{i}")));
        string big = Space + Cues + personas + goals + "suite Big {\n  personas " + string.Join(", ", Enumerable.Range(0, 11).Select(i => $"P{i}"))
            + "\n  goals " + string.Join(", ", Enumerable.Range(0, 10).Select(i => $"G{i}")) + "\n  [|seeds 1..1000|]\n}\n";
        var d = AssertReported("EMPS0002", big);
        Assert.Contains("would have 110,000 cases (11 personas x 10 goals x 1000 seeds)", d.Message);
    }

    [Fact]
    public void EMPS1002_unknown_reference()
    {
        var d = AssertReported("EMPS1002", Space + Cues + Persona("  on [|warmt|] => calm += 0.1") + Goal() + Scenario());
        Assert.Equal("warmth", d.Suggestion!.NewText);
        AssertReported("EMPS1002", Space + Cues + Persona() + Goal() + Scenario(goal: "[|Calmer|]"));
        AssertNotReported("EMPS1002", Space + Cues + Persona("  on mirroring => trust += 0.01") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS1003_generated_identifier_collision()
    {
        AssertReported("EMPS1003", Valid + Persona(name: "worrier_two").Replace("\n", "\n") + Persona(name: "[|WorrierTwo|]"));
        AssertReported("EMPS1003", Valid + "suite [|Cases|] {\n  personas Worrier\n  goals Calm\n}\n");
        AssertReported("EMPS1003", Valid + "suite [|case|] {\n  personas Worrier\n  goals Calm\n}\n");
        AssertReported("EMPS1003", "space Mood {\n  calm [0, 1]\n  trust [-1, 1]\n  [|mood_state|] [0, 1]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0, mood_state: 0 }") + Goal() + Scenario());
        AssertReported("EMPS1003", Valid + "space [|Spaces|] {\n  x [0, 1]\n}\n");
        AssertNotReported("EMPS1003", Valid + Persona(name: "worrier_two") + Persona(name: "WorrierThree") + "suite AllCases {\n  personas Worrier\n  goals Calm\n}\n");
    }

    [Fact]
    public void EMPS2001_duplicate_dimension()
    {
        AssertReported("EMPS2001", "space Mood {\n  calm [0, 1]\n  trust [-1, 1]\n  [|calm|] [0, 2]\n}\n" + Cues + Persona() + Goal() + Scenario());
        AssertNotReported("EMPS2001", Valid);
    }

    [Fact]
    public void EMPS2002_empty_or_inverted_range()
    {
        AssertReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [|[1, -1]|]\n}\n" + Cues + Persona() + Goal() + Scenario());
        AssertReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [|[1, 1]|]\n}\n" + Cues + Persona() + Goal() + Scenario());
        AssertNotReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [-1e-9, 0]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0 }") + Goal() + Scenario());
        // Both ends are numbers, but the width overflows a double.
        var wide = AssertReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [|[-1e308, 1e308]|]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0 }") + Goal() + Scenario());
        Assert.Contains("is unbounded", wide.Message);
        // The width is a number, but its square is not: distances in the space could not be measured.
        var squared = AssertReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [|[-7e153, 7e153]|]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0 }") + Goal() + Scenario());
        Assert.Contains("is unbounded: [-7E+153, 7E+153] (its width squared is beyond the largest double", squared.Message);
        AssertNotReported("EMPS2002", "space Mood {\n  calm [0, 1]\n  trust [-6e153, 6e153]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0 }") + Goal() + Scenario());
        // Each square is a number, their sum (the diagonal, squared) is not: reported once, where it overflows.
        var sum = AssertReported("EMPS2002", "space Mood {\n  calm [0, 1e154]\n  trust [|[0, 1e154]|]\n  hope [0, 1e154]\n}\n" + Cues + Persona(start: "start { calm: 0.2, trust: 0, hope: 0 }") + Goal() + Scenario());
        Assert.Contains("with the dimensions before it, the sum of the squared widths is beyond the largest double", sum.Message);
    }

    [Fact]
    public void EMPS2003_unknown_dimension()
    {
        var d = AssertReported("EMPS2003", Space + Cues + Persona(start: "start { [|clam|]: 0.2, trust: 0 }") + Goal() + Scenario());
        Assert.Equal("calm", d.Suggestion!.NewText);
        AssertReported("EMPS2003", Space + Cues + Persona() + Goal("target { [|mood|]: 0.8 }") + Scenario());
        AssertNotReported("EMPS2003", Valid);
    }

    [Fact]
    public void EMPS2004_value_outside_range()
    {
        AssertReported("EMPS2004", Space + Cues + Persona(start: "start { calm: [|1.5|], trust: 0 }") + Goal() + Scenario());
        AssertReported("EMPS2004", Space + Cues + Persona() + Goal("target { calm: [|-0.1|] }") + Scenario());
        AssertNotReported("EMPS2004", Space + Cues + Persona(start: "start { calm: 0, trust: -1 }") + Goal("target { calm: 1 }") + Scenario());
    }

    [Fact]
    public void EMPS2005_start_misses_a_dimension()
    {
        var d = AssertReported("EMPS2005", Space + Cues + Persona(start: "[|start|] { calm: 0.2 }") + Goal() + Scenario());
        Assert.Contains("'trust'", d.Message);
        AssertNotReported("EMPS2005", Valid);
    }

    [Fact]
    public void EMPS2006_persona_and_goal_in_different_spaces()
    {
        const string other = "space Other {\n  x [0, 1]\n}\n";
        AssertReported("EMPS2006", other + Space + Cues + Persona() + Goal() + "goal Far in Other {\n  target { x: 1 }\n}\n" + Scenario(goal: "[|Far|]"));
        AssertNotReported("EMPS2006", other + Valid);
    }

    [Fact]
    public void EMPS2007_goal_without_direction()
    {
        AssertReported("EMPS2007", Space + Cues + Persona() + Goal("target { calm: 0.2 }", "Stay") + Scenario(goal: "[|Stay|]"));
        AssertReported("EMPS2007", Space + Cues + Persona() + Goal("shift { calm: 0 }", "Stay") + Scenario(goal: "[|Stay|]"));
        AssertNotReported("EMPS2007", Valid);
    }

    [Fact]
    public void EMPS2008_target_unreachable()
    {
        var d = AssertReported("EMPS2008", Space + Cues + Persona() + Goal("target { calm: 0 }", "Tense") + Scenario(goal: "[|Tense|]"));
        Assert.Contains("to fall", d.Message);
        AssertNotReported("EMPS2008", Valid);
    }

    [Fact]
    public void EMPS2009_target_point_outside_the_space()
    {
        AssertReported("EMPS2009", Space + Cues + Persona() + Goal("shift { calm: 0.9 }", "Beyond") + Scenario(goal: "[|Beyond|]"));
        AssertNotReported("EMPS2009", Space + Cues + Persona() + Goal("shift { calm: 0.8 }", "Edge") + Scenario(goal: "Edge"));
    }

    [Fact]
    public void EMPS2009_is_not_reported_against_an_inverted_range()
    {
        // The range is EMPS2002 itself; measuring the target point against it only repeats that error, once per
        // scenario and suite case (as EMPS2004 is not reported for a start value there either).
        const string inverted = "space Mood {\n  calm [1, 0]\n  trust [-1, 1]\n}\n";
        string text = inverted + Cues + Persona() + Goal("shift { calm: 0.5 }") + Scenario();
        Assert.Equal(["EMPS2002"], EmpsCompilation.FromText(text, "test.emps").Diagnostics.Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code));
        Assert.Equal(["EMPS2002"], EmpsCompilation.FromText(inverted + Cues + Persona() + Goal("target { calm: 2 }") + Scenario(), "test.emps")
            .Diagnostics.Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code));
    }

    [Fact]
    public void EMPS2009_gives_the_point_rounded_and_the_shifts_that_fit_from_this_start()
    {
        // 0.2 + -0.9 is -0.7000000000000001 in doubles, which the message printed as such; and it did not say what
        // shift would do.
        var d = AssertReported("EMPS2009", Space + Cues + Persona() + Goal("shift { calm: -0.9 }", "Down") + Scenario(goal: "[|Down|]"));
        Assert.Equal("goal 'Down' puts dimension 'calm' of persona 'Worrier' at 0.2 + -0.9 = -0.7, outside its range [0, 1]; from this start a shift of 'calm' must lie in [-0.2, 0.8]", d.Message);
    }

    [Fact]
    public void EMPS2009_handles_targets_and_shifts_at_the_ends_of_double()
    {
        // A range whose width overflows is EMPS2002 itself; what depends on it is not checked (no EMPS2009 on top).
        const string unbounded = "space Wide {\n  x [-1e308, 1e308]\n}\n";
        static string Far(string start, string goal) => $"persona Far in Wide {{\n  start {{ x: {start} }}\n  on mirroring => x += 1, x -= 1\n  says \"Hm.\"\n}}\n{goal}";
        string target = unbounded + Far("-1e308", "goal G in Wide {\n  target { x: 1e308 }\n}\n") + "scenario S {\n  persona Far\n  goal G\n}\n";
        Assert.Equal(["EMPS2002"], EmpsCompilation.FromText(target, "test.emps").Diagnostics.Select(x => x.Code));
        // In the widest range that is not unbounded, a target at one end from a start at the other is inside.
        const string wide = "space Wide {\n  x [0, 1.3e154]\n}\n";
        string far = wide + Far("0", "goal G in Wide {\n  target { x: 1.3e154 }\n}\n") + "scenario S {\n  persona Far\n  goal G\n}\n";
        Assert.Empty(EmpsCompilation.FromText(far, "test.emps").Diagnostics);
        // A shift near the largest double is outside, with the shifts that fit (no space that is not unbounded lets
        // start + shift overflow any more; the message still never says "Infinity").
        var d = AssertReported("EMPS2009", wide + Far("1.3e154", "goal G in Wide {\n  shift { x: 1.7e308 }\n}\n") + "scenario S {\n  persona Far\n  goal [|G|]\n}\n");
        Assert.Equal("goal 'G' puts dimension 'x' of persona 'Far' at 1.3E+154 + 1.7E+308 = 1.7E+308, outside its range [0, 1.3E+154]; from this start a shift of 'x' must lie in [-1.3E+154, 0]", d.Message);
        Assert.DoesNotContain("Infinity", d.Message);
    }

    [Fact]
    public void EMPS2010_condition_never_or_always_holds()
    {
        AssertReported("EMPS2010", Space + Cues + Persona("  on advice when [|calm > 1|] => trust -= 0.05") + Goal() + Scenario());
        var always = AssertReported("EMPS2010", Space + Cues + Persona("  says when [|trust >= -1|] \"always\"") + Goal() + Scenario());
        Assert.Contains("always holds", always.Message);
        AssertNotReported("EMPS2010", Space + Cues + Persona("  on advice when calm > 0.5 and trust <= 1e-3 => trust -= 0.05") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS2010_and_EMPS2013_are_not_reported_on_an_invalid_number()
    {
        // The value of an invalid number is unknown (EMPS0002 says so): no claim about what it does follows.
        foreach (string number in new[] { "1e999", "-1e999", "2e", "-Infinity" })
        {
            AssertNotReported("EMPS2010", Space + Cues + Persona($"  on advice when calm > {number} => trust -= 0.05") + Goal() + Scenario());
            AssertNotReported("EMPS2010", Space + Cues + Persona($"  says when trust <= {number} \"never?\"") + Goal() + Scenario());
            AssertNotReported("EMPS2013", Space + Cues + Persona($"  on advice => trust -= {number}") + Goal() + Scenario());
        }
    }

    [Fact]
    public void EMPS2011_scenario_starts_converged()
    {
        AssertReported("EMPS2011", Space + Cues + Persona() + Goal("target { calm: 0.22 }\n  within 0.05", "Near") + Scenario(goal: "[|Near|]"));
        AssertNotReported("EMPS2011", Space + Cues + Persona() + Goal("target { calm: 0.3 }\n  within 0.05", "Near") + Scenario(goal: "Near"));
    }

    [Fact]
    public void EMPS2012_effect_larger_than_range()
    {
        AssertReported("EMPS2012", Space + Cues + Persona("  on advice => [|calm += 1.5|]") + Goal() + Scenario());
        AssertNotReported("EMPS2012", Space + Cues + Persona("  on advice => calm += 1") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS2013_opposing_rules()
    {
        AssertReported("EMPS2013", Space + Cues + Persona("  on advice => calm += 0.01, [|trust += 0.1|]") + Goal() + Scenario());
        AssertNotReported("EMPS2013", Space + Cues + Persona("  on advice when calm > 0.5 => trust += 0.1") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS3001_turns_out_of_range()
    {
        AssertReported("EMPS3001", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  turns [|0|]") + Scenario());
        AssertReported("EMPS3001", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  turns [|2.5|]") + Scenario());
        AssertNotReported("EMPS3001", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  turns 1000") + Scenario());
    }

    [Fact]
    public void EMPS3002_within_out_of_range()
    {
        AssertReported("EMPS3002", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  within [|0|]") + Scenario());
        AssertReported("EMPS3002", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  within [|3|]") + Scenario());
        AssertNotReported("EMPS3002", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  within 0.5") + Scenario());
    }

    [Fact]
    public void EMPS3003_invalid_weights()
    {
        AssertReported("EMPS3003", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  weights { alignment: [|-1|], impact: 1 }") + Scenario());
        AssertReported("EMPS3003", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  [|weights|] { alignment: 0 }") + Scenario());
        AssertNotReported("EMPS3003", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  weights { stability: 1 }") + Scenario());
    }

    [Fact]
    public void EMPS3004_drift_noise_or_trait_out_of_range()
    {
        AssertReported("EMPS3004", Space + Cues + Persona("  drift [|1.5|]") + Goal() + Scenario());
        AssertReported("EMPS3004", Space + Cues + Persona("  noise [|-0.1|]") + Goal() + Scenario());
        AssertReported("EMPS3004", Space + Cues + Persona("  traits { openness: [|2|] }") + Goal() + Scenario());
        AssertNotReported("EMPS3004", Space + Cues + Persona("  drift 1\n  noise 0\n  traits { openness: 0 }") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS3005_goal_needs_exactly_one_of_target_and_shift()
    {
        AssertReported("EMPS3005", Space + Cues + Persona() + Goal("target { calm: 0.8 }\n  [|shift|] { calm: 0.1 }") + Scenario());
        AssertReported("EMPS3005", Space + Cues + Persona() + Goal("turns 3", "[|Calm|]") + Scenario());
        AssertReported("EMPS3005", Space + Cues + Persona() + Goal("[|target|] { }") + Scenario());
        AssertNotReported("EMPS3005", Valid);
    }

    [Fact]
    public void EMPS3006_persona_may_fall_silent()
    {
        string silent = Persona().Replace("  says \"Hm.\"\n", "  says when calm > 0.5 \"Better.\"\n").Replace("persona Worrier", "persona [|Worrier|]");
        AssertReported("EMPS3006", Space + Cues + silent + Goal() + Scenario());
        AssertNotReported("EMPS3006", Valid);
    }

    [Fact]
    public void EMPS3006_is_not_reported_when_a_says_line_without_when_could_not_be_read()
    {
        // The line is there but broken: its syntax error is reported, and the persona is not also "silent".
        foreach (string broken in new[] { "says Hm", "says 5", "says \"Hm.\" \"again\"", "says NaN" })
        {
            string source = Space + Cues + Persona().Replace("  says \"Hm.\"\n", "  " + broken + "\n") + Goal() + Scenario();
            var compilation = EmpsCompilation.FromText(source, "test.emps");
            Assert.True(compilation.HasErrors, broken);
            AssertNotReported("EMPS3006", source);
        }
        // A broken conditional line does not stand in for a line without `when`.
        string conditional = Persona().Replace("  says \"Hm.\"\n", "  says when calm > \"Better.\"\n").Replace("persona Worrier", "persona [|Worrier|]");
        AssertReported("EMPS3006", Space + Cues + conditional + Goal() + Scenario());
    }

    [Fact]
    public void EMPS3007_required_member_missing()
    {
        AssertReported("EMPS3007", Space + Cues + Persona() + Goal() + "scenario [|Check|] {\n  persona Worrier\n}\n");
        AssertReported("EMPS3007", Space + Cues + Persona(start: "about \"no start\"", name: "[|Worrier|]") + Goal() + Scenario());
        AssertNotReported("EMPS3007", Valid);
    }

    [Fact]
    public void EMPS3007_not_reported_for_a_space_whose_dimension_has_a_syntax_error()
    {
        // The dimension is present but broken: its syntax error is reported, and the space is not also "missing" one.
        // (The marker cannot enclose a lone ']': the span of the ']' is checked by hand.)
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.FromText("space N { a [0, ] }\n", "test.emps");
        var broken = Assert.Single(compilation.Diagnostics, d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal("EMPS0001", broken.Code);
        Assert.Equal("unexpected ']'; expected a number", broken.Message);
        Assert.Equal(new ScenarioDsl.Language.Text.TextSpan("space N { a [0, ".Length, 1), broken.Location.Span);
        AssertNotReported("EMPS3007", "space E { dimension calm [0, 1] }\n");
        AssertNotReported("EMPS3007", Space.Replace("trust [-1, 1]", "trust [-1, 1") + Cues + Persona() + Goal() + Scenario());
    }

    [Fact]
    public void EMPS3007_not_reported_for_a_member_inside_a_syntax_error_on_its_line()
    {
        // `goals Calm` is skipped with the broken rest of its line: the syntax error is the one to fix, the suite has
        // its goals (and the scenario its goal) as written.
        var suite = EmpsCompilation.FromText(Valid + "suite One_line { personas Worrier Worrier goals Calm }\n", "test.emps");
        Assert.Equal(["EMPS0001"], suite.Diagnostics.Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code));
        var scenario = EmpsCompilation.FromText(Valid + "scenario One_line { persona Worrier Calm goal Calm }\n", "test.emps");
        Assert.Equal(["EMPS0001"], scenario.Diagnostics.Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code));
        // A member given again on a later line is not a duplicate of the unreadable one.
        var later = EmpsCompilation.FromText(Valid + "suite Two_lines {\n  personas Worrier Worrier goals Calm\n  goals Calm\n}\n", "test.emps");
        Assert.Equal(["EMPS0001"], later.Diagnostics.Where(d => d.Severity == ScenarioDsl.Language.Diagnostics.DiagnosticSeverity.Error).Select(d => d.Code));
        // Still reported when the member is nowhere.
        AssertReported("EMPS3007", Valid + "suite [|No_goals|] { personas Worrier Worrier }\n");
    }

    [Fact]
    public void EMPS3007_for_a_space_says_how_a_dimension_is_written()
    {
        var d = AssertReported("EMPS3007", "space [|E|] { }\n");
        Assert.Equal("space 'E' has no dimension (a dimension is written `name [low, high]`)", d.Message);
        // The other kinds keep naming the member keyword.
        var start = AssertReported("EMPS3007", Space + Cues + Persona(start: "about \"no start\"", name: "[|Worrier|]") + Goal() + Scenario());
        Assert.Equal("persona 'Worrier' has no `start`", start.Message);
    }

    [Fact]
    public void EMPS2003_not_reported_for_dimensions_of_a_space_that_could_not_be_read()
    {
        // `calm` lacks its `]`: the space could not be read whole, so `calm` (and any other name) may be its dimension.
        const string broken = "space Mood {\n  calm  [0, 1$$\n  trust [-1, 1]\n}\n";
        var d = AssertReported("EMPS0001", broken + Cues + Persona() + Goal() + Scenario());
        Assert.Equal("expected ']'", d.Message);
        var compilation = ScenarioDsl.Language.Binding.EmpsCompilation.FromText(Parse(broken).Text + Cues + Persona() + Goal() + Scenario(), "test.emps");
        Assert.Equal(new[] { "EMPS0001" }, compilation.Diagnostics.Select(x => x.Code));
        Assert.True(compilation.Model.Spaces[0].HasErrors);
        Assert.True(compilation.Model.Personas[0].HasErrors);
        // What the dimensions that were read say is still checked.
        AssertReported("EMPS2004", Parse(broken).Text + Cues + Persona(start: "start { calm: 0.2, trust: [|2|] }") + Goal() + Scenario());
        AssertReported("EMPS3002", Parse(broken).Text + Cues + Persona() + Goal("target { calm: 0.8 }\n  within [|0|]") + Scenario());
        // The diagonal of the dimensions read is only a lower bound: a within above it is not reported.
        AssertNotReported("EMPS3002", Parse(broken).Text + Cues + Persona() + Goal("target { calm: 0.8 }\n  within 2.1") + Scenario());
    }

    [Fact]
    public void EMPS3008_member_given_twice()
    {
        AssertReported("EMPS3008", Space + Cues + Persona("  drift 0.1\n  [|drift|] 0.2") + Goal() + Scenario());
        AssertReported("EMPS3008", Space + Cues + Persona(start: "start { calm: 0.2, trust: 0, [|calm|]: 0.3 }") + Goal() + Scenario());
        AssertNotReported("EMPS3008", Space + Cues + Persona("  drift 0.1\n  noise 0.2") + Goal() + Scenario());
    }

    [Fact]
    public void EMPS3009_too_many_cues()
    {
        static string Many(int count, int marked)
        {
            var names = Enumerable.Range(0, count).Select(i => $"c{i}").ToArray();
            return Space + "cues {\n" + string.Concat(names.Select(n => $"  {n} \"{n}\"\n")) + "}\n"
                + "persona Worrier in Mood {\n  start { calm: 0.2, trust: 0 }\n"
                + string.Concat(names.Select((n, i) => i == marked ? $"  on [|{n}|] => calm += 0.01\n" : $"  on {n} => calm += 0.01\n"))
                + "  on c0 when calm > 0.5 => trust += 0.01\n  on mirroring => trust += 0.01\n  says \"ok\"\n}\n" + Goal() + Scenario();
        }
        // The 64th distinct cue (c63) is one too many; repeating a cue and `mirroring` do not count.
        AssertReported("EMPS3009", Many(70, marked: 63));
        AssertNotReported("EMPS3009", Many(63, marked: -1));
    }

    [Fact]
    public void EMPS4001_declaration_not_used()
    {
        AssertReported("EMPS4001", Valid + Persona(name: "[|Idle|]"));
        AssertNotReported("EMPS4001", Valid);
    }

    [Fact]
    public void EMPS4002_duplicated_or_empty_phrase()
    {
        AssertReported("EMPS4002", Space + "cues {\n  warmth \"i hear you\", [|\"I HEAR YOU\"|]\n  advice \"you should\"\n}\n" + Persona() + Goal() + Scenario());
        AssertReported("EMPS4002", Space + "cues {\n  warmth \"i hear you\", [|\"\"|]\n  advice \"you should\"\n}\n" + Persona() + Goal() + Scenario());
        AssertNotReported("EMPS4002", Valid);
    }

    [Fact]
    public void EMPS4002_a_phrase_of_white_space_only_is_reported_and_left_out()
    {
        // Matched anywhere (SPEC 2.2), " " would make the cue present in nearly every reply.
        string source = Space + "cues {\n  warmth \"i hear you\", [|\" \\t\"|]\n  advice \"you should\"\n}\n" + Persona() + Goal() + Scenario();
        AssertReported("EMPS4002", source);
        var compilation = EmpsCompilation.FromText(source.Replace("[|", "").Replace("|]", ""), "test.emps");
        Assert.Contains("white space only", compilation.Diagnostics.Single(d => d.Code == "EMPS4002").Message);
        Assert.Equal(new[] { "i hear you" }, compilation.Model.Cues.Single(c => c.Name == "warmth").Phrases);
    }
}
