using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Diagnostics;

namespace ScenarioDsl.Language.Tests.Diagnostics;

/// <summary>
/// Mistakes a newcomer makes in a first .emps file: habits of other languages (# comments, '=' and '==', '&amp;&amp;',
/// quotes of a word processor), decimals written as in prose (.5, 0,5, 5%). Each gets one message that says what to
/// write instead, at the mistake, and no follow-on message about what the parser made of the rest.
/// </summary>
public class NewcomerMistakeTests
{
    private const string Head = """
        space Mood { calm [0, 1]  trust [-1, 1] }
        cues { warmth "i hear you" }

        """;

    private static string Persona(string line) => $$"""
        persona Worrier in Mood {
          start { calm: 0.2, trust: 0 }
          on warmth => calm += 0.1, trust += 0.1
        {{line}}
          says "Hm."
        }
        goal Calm in Mood { target { calm: 0.8 } }
        scenario S { persona Worrier goal Calm }

        """;

    /// <summary>The diagnostics of a file whose persona has <paramref name="line"/> as its fourth line (line 6 of the file).</summary>
    private static IReadOnlyList<Diagnostic> Check(string line) => EmpsCompilation.FromText(Head + Persona(line), "t.emps").Diagnostics;

    private static Diagnostic Single(string line)
    {
        var diagnostics = Check(line);
        Assert.True(diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", diagnostics));
        return diagnostics[0];
    }

    /// <summary>The 1-based column of <paramref name="part"/> in <paramref name="line"/>.</summary>
    private static int Column(string line, string part) => line.IndexOf(part, StringComparison.Ordinal) + 1;

    [Theory]
    [InlineData("  on warmth => trust += .08", ".08", "a number needs a digit before its point: write '0.08'")]
    [InlineData("  on warmth => trust += +.5", "+.5", "a number needs a digit before its point: write '+0.5'")]
    [InlineData("  on warmth when trust > -.5 => calm += 0.1", "-.5", "a number needs a digit before its point: write '-0.5'")]
    public void A_number_without_a_digit_before_its_point_is_one_error_and_keeps_its_value(string line, string number, string message)
    {
        var d = Single(line);

        Assert.Equal("EMPS0001", d.Code);
        Assert.Equal(message, d.Message);
        Assert.Equal((6, Column(line, number)), (d.Location.LineSpan.Start.Line + 1, d.Location.LineSpan.Start.Character + 1));
        Assert.Equal(number.Length, d.Location.Span.Length);
        // Before, '.08' was an unexpected '.' and the number 8: "the effect -8 ... is larger than its whole range width".
    }

    [Theory]
    [InlineData("  on warmth = calm += 0.1", "=", "unexpected character '='; a rule's arrow is '=>', an effect is 'dim += number' or 'dim -= number'")]
    [InlineData("  on warmth => calm + 0.1", "+", "unexpected character '+'; an effect is written 'dim += number' or 'dim -= number'")]
    [InlineData("  on warmth when calm < 0.5 && trust > 0 => calm += 0.1", "&&", "unexpected character '&&'; conditions are joined with 'and'")]
    [InlineData("  on warmth when calm < 0.5 || trust > 0 => calm += 0.1", "||", "unexpected character '||'; a rule has no 'or': write one rule for each alternative")]
    [InlineData("  on warmth when calm == 0.5 => calm += 0.1", "==", "unexpected character '=='; a condition compares with <, <=, > or >=")]
    [InlineData("  on warmth when calm != 0.5 => calm += 0.1", "!=", "unexpected character '!='; a condition compares with <, <=, > or >=")]
    [InlineData("  drift 0.05;", ";", "unexpected character ';'; no ';' is needed: a member ends at the next member")]
    public void An_operator_from_another_language_is_one_error_that_names_the_right_one(string line, string bad, string message)
    {
        var d = Single(line);

        Assert.Equal("EMPS0001", d.Code);
        Assert.Equal(message, d.Message);
        Assert.Equal(Column(line, bad), d.Location.LineSpan.Start.Character + 1);
    }

    [Fact]
    public void Parentheses_around_a_condition_are_named_once_each_with_the_reason()
    {
        var diagnostics = Check("  on warmth when (calm < 0.5) => calm += 0.1");

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.EndsWith("; conditions and effects take no parentheses", d.Message));
    }

    [Theory]
    [InlineData("  drift 0.05 # five percent")]
    [InlineData("  drift 0.05 -- five percent")]
    [InlineData("# drift 0.05")]
    [InlineData("-- drift 0.05")]
    public void A_comment_written_as_in_another_language_is_one_error_and_the_rest_of_its_line_is_skipped(string line)
    {
        var d = Single(line);

        string marker = line.Contains('#') ? "#" : "--";
        Assert.Equal($"'{marker}' does not start a comment; write '//' (or '/* ... */')", d.Message);
        Assert.Equal(Column(line, marker), d.Location.LineSpan.Start.Character + 1);
        Assert.Equal(line.Length - line.IndexOf(marker, StringComparison.Ordinal), d.Location.Span.Length);
    }

    [Fact]
    public void A_percentage_says_to_write_a_fraction()
    {
        var diagnostics = Check("  drift 5%");

        var d = Assert.Single(diagnostics, d => d.Code == "EMPS0001");
        Assert.Equal("unexpected character '%'; write a fraction: 5% is 0.05", d.Message);
    }

    [Theory]
    [InlineData("  traits { calm: 0,2, trust: 0 }", "2", "0.2")]
    [InlineData("  on warmth => calm += 0,03", "03", "0.03")]
    public void A_decimal_comma_is_named_as_such(string line, string after, string written)
    {
        var diagnostics = Check(line);

        var d = Assert.Single(diagnostics, d => d.Code == "EMPS0001");
        Assert.EndsWith($"; a decimal number is written with a point: '{written}'", d.Message);
        Assert.StartsWith($"unexpected number '{after}'", d.Message);
    }

    [Theory]
    [InlineData("  opens \u201CHello there.\u201D", "\u201CHello there.\u201D")]
    [InlineData("  opens 'Hello there.'", "'Hello there.'")]
    [InlineData("  opens \u2018Hello there.\u2019", "\u2018Hello there.\u2019")]
    [InlineData("  opens \u201EHello there.\u201C", "\u201EHello there.\u201C")]
    public void A_string_in_other_quotes_is_one_error_and_keeps_its_text(string line, string literal)
    {
        var d = Single(line);

        Assert.Equal("EMPS0001", d.Code);
        Assert.Equal("strings are written between straight double quotes: \"Hello there.\"", d.Message);
        Assert.Equal(Column(line, literal), d.Location.LineSpan.Start.Character + 1);
        Assert.Equal(literal.Length, d.Location.Span.Length);
    }

    [Fact]
    public void A_name_with_a_letter_outside_ASCII_says_what_names_are_made_of()
    {
        // The persona is declared and used as 'Zoë' (not as 'Zo' followed by a stray character, which an info then
        // called "persona 'Zo' is not used").
        var diagnostics = EmpsCompilation.FromText(Head + Persona("  noise 0").Replace("Worrier", "Zo\u00EB"), "t.emps").Diagnostics;

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("unexpected character '\u00EB' in the name 'Zo\u00EB'; names are made of ASCII letters, digits and '_'", d.Message));
        Assert.All(diagnostics, d => Assert.Equal(1, d.Location.Span.Length));
    }

    [Theory]
    [InlineData("trun 12", "turns")]
    [InlineData("wihtin 0.1", "within")]
    [InlineData("targt { calm: 0.8 }", "target")]
    public void A_mistyped_member_keyword_gets_a_suggestion_for_a_swap_and_a_missing_letter_too(string member, string meant)
    {
        var text = Head + Persona("  noise 0").Replace("goal Calm in Mood { target { calm: 0.8 } }", "goal Calm in Mood {\n  target { calm: 0.8 }\n  " + member + "\n}");

        var d = Assert.Single(EmpsCompilation.FromText(text, "t.emps").Diagnostics, d => d.Code == "EMPS0001");

        Assert.EndsWith($"; did you mean '{meant}'?", d.Message);
    }

    [Fact]
    public void A_comma_between_conditions_names_and_as_the_way_to_join_them()
    {
        var line = "  on warmth when calm < 0.5, trust > 0 => calm += 0.1";
        var d = Single(line);
        Assert.Equal("unexpected ','; expected 'and' or '=>'", d.Message);

        var says = Single("  says when calm < 0.5, trust > 0 \"Better.\"");
        Assert.Equal("unexpected ','; expected 'and' or a string", says.Message);
    }

    [Fact]
    public void A_missing_closing_brace_names_the_declaration_it_would_close()
    {
        var text = Head + Persona("  noise 0").Replace("  says \"Hm.\"\n}\n", "  says \"Hm.\"\n");

        var d = Assert.Single(EmpsCompilation.FromText(text, "t.emps").Diagnostics);

        Assert.Equal("expected '}' to close persona 'Worrier' (opened on line 3)", d.Message);
        Assert.Equal(7, d.Location.LineSpan.Start.Line + 1);
    }

    [Fact]
    public void Three_dots_in_a_seed_range_say_how_a_range_is_written()
    {
        var text = Head + Persona("  noise 0") + "suite X { personas Worrier goals Calm seeds 1...3 }\n";

        var d = Assert.Single(EmpsCompilation.FromText(text, "t.emps").Diagnostics, d => d.Code == "EMPS0001");

        Assert.Equal("unexpected character '.'; a range is written with two dots: '1..5'", d.Message);
    }

    [Theory]
    [InlineData('\u00AB')]
    [InlineData('\u201E')]
    [InlineData('\u201A')]
    public void A_long_line_of_opening_quotes_without_closing_ones_is_read_in_one_pass(char quote)
    {
        // Each quote looked for its closing one to the end of the line: 200,000 of them took tens of seconds.
        var text = "space A { x [0, 1] }\n" + new string(quote, 200_000) + "\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var diagnostics = EmpsCompilation.FromText(text, "t.emps").Diagnostics;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.NotEmpty(diagnostics);
    }

    [Theory]
    [InlineData("persona Worrier {\n  start { calm: 0.2, trust: 0 }\n}\n", "unexpected '{'; expected 'in'; a persona names its space: 'persona Worrier in Space {'")]
    [InlineData("goal Calm \"Calmer\" {\n  target { calm: 0.8 }\n}\n", "unexpected string \"Calmer\"; expected 'in'; a goal names its space: 'goal Calm in Space {'")]
    public void A_persona_or_goal_without_its_space_says_how_to_name_it(string declaration, string message)
    {
        var d = Assert.Single(EmpsCompilation.FromText(Head + declaration, "t.emps").Diagnostics, d => d.Code == "EMPS0001");

        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void A_closing_brace_inside_a_line_comment_is_named_as_the_one_that_does_not_count()
    {
        var text = "space Mood { calm [0, 1] }\ncues { warmth \"i hear you\" // the main cue }\n";

        var d = Assert.Single(EmpsCompilation.FromText(text, "t.emps").Diagnostics, d => d.Code == "EMPS0001");

        Assert.Equal("expected '}' to close the cues block (opened on line 2); the '}' in the // comment after it is part of the comment", d.Message);
    }

    [Fact]
    public void A_nested_block_comment_says_that_comments_do_not_nest()
    {
        var text = Head + Persona("  /* outer /* inner */ */");

        var d = Assert.Single(EmpsCompilation.FromText(text, "t.emps").Diagnostics);

        Assert.Equal("'*/' closes no comment: block comments do not nest, so the comment ended at the '*/' before this one", d.Message);
        Assert.Equal(2, d.Location.Span.Length);
    }
}
