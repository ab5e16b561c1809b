using System.Text;
using ScenarioDsl.Language.Binding;
using ScenarioDsl.Language.Formatting;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Formatting;

public class FormatterTests
{
    internal const string Messy =
        "// header comment\n" +
        "space   Wellbeing \"Needs\"{\n" +
        "  autonomy    [ -1 ,1 ]   \"Volition\"\n" +
        "relatedness [-1, 1]\n" +
        "\n\n\n" +
        "        distress [0,1] \"Affect\"   // end of line\n" +
        "}\n" +
        "cues { validation \"that makes sense\" ,\"understandable\"\n" +
        "  question \"?\" }\n" +
        "\n\n\n" +
        "persona Student in Wellbeing {\n" +
        "    start{autonomy:-0.3,relatedness:-0.2 ,distress:0.8}\n" +
        "  traits {}\n" +
        "    // about the rules\n" +
        "  on validation=>relatedness+=0.12,distress-=0.08\n" +
        "  on question when distress>0.6 and autonomy<=0 => autonomy += 0.04\n" +
        "  drift 0.05\n" +
        "  says when distress >0.6 \"I will fail.\"\n" +
        "  says \"I don't know.\"\n" +
        "}\n" +
        "goal Calm in Wellbeing \"Calm down\" { shift { distress: -0.5 } /* relative */ within 0.1\n" +
        "  scoring epm direction per - turn\n" +
        "}\n" +
        "scenario S { persona Student goal Calm seed 7 }\n" +
        "suite T {\n" +
        "  personas Student ,Student2\n" +
        "  goals Calm\n" +
        "  seeds 1 .. 5\n" +
        "}\n" +
        "// trailing comment\n\n\n";

    internal const string Canonical =
        "// header comment\n" +
        "space Wellbeing \"Needs\" {\n" +
        "  autonomy [-1, 1] \"Volition\"\n" +
        "  relatedness [-1, 1]\n" +
        "\n" +
        "  distress [0, 1] \"Affect\" // end of line\n" +
        "}\n" +
        "\n" +
        "cues {\n" +
        "  validation \"that makes sense\", \"understandable\"\n" +
        "  question \"?\"\n" +
        "}\n" +
        "\n" +
        "persona Student in Wellbeing {\n" +
        "  start { autonomy: -0.3, relatedness: -0.2, distress: 0.8 }\n" +
        "  traits {}\n" +
        "  // about the rules\n" +
        "  on validation => relatedness += 0.12, distress -= 0.08\n" +
        "  on question when distress > 0.6 and autonomy <= 0 => autonomy += 0.04\n" +
        "  drift 0.05\n" +
        "  says when distress > 0.6 \"I will fail.\"\n" +
        "  says \"I don't know.\"\n" +
        "}\n" +
        "\n" +
        "goal Calm in Wellbeing \"Calm down\" {\n" +
        "  shift { distress: -0.5 } /* relative */\n" +
        "  within 0.1\n" +
        "  scoring epm direction per-turn\n" +
        "}\n" +
        "\n" +
        "scenario S {\n" +
        "  persona Student\n" +
        "  goal Calm\n" +
        "  seed 7\n" +
        "}\n" +
        "\n" +
        "suite T {\n" +
        "  personas Student, Student2\n" +
        "  goals Calm\n" +
        "  seeds 1..5\n" +
        "}\n" +
        "// trailing comment\n";

    [Fact]
    public void Messy_input_gets_the_canonical_layout()
    {
        var result = EmpsFormatter.Format(Messy);
        Assert.Equal(FormatStatus.Formatted, result.Status);
        Assert.Equal(Canonical, result.Text);
        Assert.True(result.Changed);
    }

    [Fact]
    public void Canonical_text_is_a_fixed_point()
    {
        var result = EmpsFormatter.Format(Canonical);
        Assert.Equal(FormatStatus.Formatted, result.Status);
        Assert.False(result.Changed);
        Assert.Equal(Canonical, result.Text);
    }

    [Fact]
    public void Formatting_keeps_the_bound_model()
    {
        var before = EmpsCompilation.FromText(Messy).Model;
        var after = EmpsCompilation.FromText(EmpsFormatter.Format(Messy).Text).Model;
        Assert.NotEmpty(before.Personas);
        Assert.Equal(ModelComparison.WithoutLocations(before), ModelComparison.WithoutLocations(after));
    }

    [Fact]
    public void Crlf_files_stay_crlf()
    {
        string crlf = Messy.Replace("\n", "\r\n");
        var result = EmpsFormatter.Format(crlf);
        Assert.Equal(Canonical.Replace("\n", "\r\n"), result.Text);
    }

    [Fact]
    public void Files_with_syntax_errors_are_left_unchanged()
    {
        const string broken = "space   S {\n  a [0, 1\n}\n";
        var result = EmpsFormatter.Format(broken);
        Assert.Equal(FormatStatus.SyntaxErrors, result.Status);
        Assert.Equal(broken, result.Text);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Unterminated_comment_is_a_syntax_error_and_left_unchanged()
    {
        const string broken = "space S { a [0, 1] }   /* open";
        Assert.Equal(FormatStatus.SyntaxErrors, EmpsFormatter.Format(broken).Status);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("  \n\n ", "")]
    [InlineData("// only a comment", "// only a comment\n")]
    [InlineData("/* a */ /* b */\n\n\n// c   ", "/* a */ /* b */\n\n// c\n")]
    public void Files_without_declarations(string input, string expected) =>
        Assert.Equal(expected, EmpsFormatter.Format(input).Text);

    [Fact]
    public void A_line_comment_inside_a_member_forces_a_continuation_line()
    {
        const string input = "cues {\n  advice \"you should\", // first\n     \"have you tried\"\n}\n";
        const string expected = "cues {\n  advice \"you should\", // first\n    \"have you tried\"\n}\n";
        var result = EmpsFormatter.Format(input);
        Assert.Equal(expected, result.Text);
        Assert.Equal(expected, EmpsFormatter.Format(expected).Text);
    }

    [Fact]
    public void Own_line_comments_are_reindented_and_blank_lines_collapse_to_one()
    {
        const string input =
            "scenario S {\n" +
            "        // who\n" +
            "   persona P\n\n\n\n" +
            "/* what */\n" +
            "goal G\n" +
            "   // before the brace\n" +
            "}\n";
        const string expected =
            "scenario S {\n" +
            "  // who\n" +
            "  persona P\n\n" +
            "  /* what */\n" +
            "  goal G\n" +
            "  // before the brace\n" +
            "}\n";
        Assert.Equal(expected, EmpsFormatter.Format(input).Text);
    }

    [Fact]
    public void A_blank_line_between_a_comment_and_what_follows_is_kept()
    {
        const string input =
            "// File header.\n\n\n" +
            "scenario S {\n" +
            "  // about the persona\n\n" +
            "  persona P\n" +
            "  goal G\n" +
            "  // closing remark\n\n" +
            "}\n";
        const string expected =
            "// File header.\n\n" +
            "scenario S {\n" +
            "  // about the persona\n\n" +
            "  persona P\n" +
            "  goal G\n" +
            "  // closing remark\n" +
            "}\n";
        Assert.Equal(expected, EmpsFormatter.Format(input).Text);
        Assert.Equal(expected, EmpsFormatter.Format(expected).Text);
    }

    [Fact]
    public void A_line_break_after_a_comma_is_kept_with_a_continuation_indent()
    {
        const string input =
            "suite T {\n" +
            "  personas A, B,\n" +
            "           C ,D\n" +
            "  goals G\n" +
            "  , H\n" +
            "}\n";
        const string expected =
            "suite T {\n" +
            "  personas A, B,\n" +
            "    C, D\n" +
            "  goals G, H\n" +
            "}\n";
        Assert.Equal(expected, EmpsFormatter.Format(input).Text);
        Assert.Equal(expected, EmpsFormatter.Format(expected).Text);
    }

    [Fact]
    public void Multi_line_block_comments_are_kept_verbatim()
    {
        const string input = "/* one\n     two\n*/\nscenario S { persona P goal G }\n";
        const string expected = "/* one\n     two\n*/\nscenario S {\n  persona P\n  goal G\n}\n";
        Assert.Equal(expected, EmpsFormatter.Format(input).Text);
    }

    [Theory]
    // cp1252 curly quotes in a line comment (the user's report), a Latin-1 é in a block comment and
    // in a string, a truncated sequence at the end of a comment.
    [InlineData("space M {\n    a [0, 1] // \u0093quoted\u0094 in cp1252\n}\n", 2, 17)]
    [InlineData("space M {\n  a [0, 1] /* caf\u00E9 */\n}\n", 2, 18)]
    [InlineData("space M {\n  a [0, 1] \"caf\u00E9\"\n}\n", 2, 16)]
    [InlineData("// \u00E2\u0082\nspace M {\n  a [0, 1]\n}\n", 1, 4)]
    public void Text_read_from_bytes_that_are_not_valid_utf8_is_left_unchanged(string latin1, int line, int column)
    {
        // Each character below U+0100 is one byte: é is E9, U+0093 is 93 (neither valid UTF-8 alone).
        byte[] bytes = Encoding.Latin1.GetBytes(latin1);
        var text = SourceText.FromBytes(bytes, "x.emps");
        Assert.True(text.HasInvalidUtf8);
        Assert.Equal(latin1.IndexOf(latin1.First(c => c >= 0x80)), text.InvalidUtf8ByteOffset);
        Assert.Equal('\uFFFD', text.Text[text.InvalidUtf8Position]);
        Assert.Equal(new LinePosition(line - 1, column - 1), text.GetLinePosition(text.InvalidUtf8Position));

        var result = EmpsFormatter.Format(text);
        Assert.Equal(FormatStatus.InvalidUtf8, result.Status);
        Assert.False(result.Changed);
        Assert.Equal(text.Text, result.Text);
        Assert.Empty(EmpsFormatter.Changes(SyntaxTree.Parse(text)));
    }

    [Fact]
    public void Valid_utf8_with_a_byte_order_mark_and_crlf_still_formats()
    {
        string messy = "space   M {\r\n    a [0,1] /* café \U0001F61F */\r\n  b [0, 1] // naïve\r\n}\r\n";
        string canonical = "space M {\r\n  a [0, 1] /* café \U0001F61F */\r\n  b [0, 1] // naïve\r\n}\r\n";
        var text = SourceText.FromBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(messy)).ToArray(), "x.emps");
        Assert.False(text.HasInvalidUtf8);
        Assert.Equal(-1, text.InvalidUtf8ByteOffset);
        var result = EmpsFormatter.Format(text);
        Assert.Equal(FormatStatus.Formatted, result.Status);
        Assert.Equal(canonical, result.Text);
    }

    [Fact]
    public void The_first_invalid_utf8_sequence_is_found_where_the_decoder_puts_its_replacement_character()
    {
        // Random bytes, mostly valid: ASCII, well-formed multi-byte sequences and a few stray bytes.
        var random = new Random(1234);
        byte[][] pieces =
        {
            "a"u8.ToArray(), "\n"u8.ToArray(), "é"u8.ToArray(), "€"u8.ToArray(), "\U0001F61F"u8.ToArray(), "\uFFFD"u8.ToArray(),
            new byte[] { 0x80 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xE0, 0x80, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 },
            new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xF5 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 },
        };
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (int n = 0; n < 5000; n++)
        {
            var bytes = Enumerable.Range(0, random.Next(0, 12))
                .SelectMany(_ => pieces[random.Next(random.Next(2) == 0 ? 6 : pieces.Length)]).ToArray();
            var text = SourceText.FromBytes(bytes);
            bool valid;
            try { strict.GetString(bytes); valid = true; }
            catch (DecoderFallbackException) { valid = false; }
            Assert.Equal(!valid, text.HasInvalidUtf8);
            if (valid) continue;
            int offset = text.InvalidUtf8ByteOffset;
            strict.GetString(bytes, 0, offset); // everything before it is valid
            Assert.Equal(strict.GetString(bytes, 0, offset).Length, text.InvalidUtf8Position);
            Assert.Equal('\uFFFD', text.Text[text.InvalidUtf8Position]);
        }
    }

    [Theory]
    // A declaration's closing brace after a comment on its line: the comment stays, the brace goes
    // alone onto the next line at column 0 (space, cues, persona, goal, scenario, suite, an empty body).
    [InlineData("space M2 {\n  a [0, 1]\n  /* note */ }\n", "space M2 {\n  a [0, 1]\n  /* note */\n}\n")]
    [InlineData("cues {\n  q \"?\"\n  /* c */ }\n", "cues {\n  q \"?\"\n  /* c */\n}\n")]
    [InlineData("persona P in M {\n  drift 0.1\n    /* c */   }\n", "persona P in M {\n  drift 0.1\n  /* c */\n}\n")]
    [InlineData("goal G in M \"g\" {\n  within 0.1\n/* c */}\n", "goal G in M \"g\" {\n  within 0.1\n  /* c */\n}\n")]
    [InlineData("scenario S {\n  persona P\n  goal G\n  /* a */ /* b */ }\n", "scenario S {\n  persona P\n  goal G\n  /* a */ /* b */\n}\n")]
    [InlineData("suite T {\n  personas P\n  goals G\n\n  /* c */ } // end\n", "suite T {\n  personas P\n  goals G\n  /* c */\n} // end\n")]
    [InlineData("space M {\n  /* c */ }\n", "space M {\n  /* c */\n}\n")]
    [InlineData("space M {\n  a [0, 1]\n  /* one\n  two */ }\n", "space M {\n  a [0, 1]\n  /* one\n  two */\n}\n")]
    [InlineData("space M {\n  a [0, 1]\n  /* c */ }\nspace N {\n  /* d */ }\n", "space M {\n  a [0, 1]\n  /* c */\n}\n\nspace N {\n  /* d */\n}\n")]
    // An entries block's `}` belongs to its member's line: it follows a comment like any other token.
    [InlineData("persona P in M {\n  start { a: 0.5\n  /* c */ }\n}\n", "persona P in M {\n  start { a: 0.5\n    /* c */ }\n}\n")]
    [InlineData("persona P in M {\n  start { a: 0.5 /* c */ }\n}\n", "persona P in M {\n  start { a: 0.5 /* c */ }\n}\n")]
    public void A_declarations_closing_brace_after_a_comment_goes_alone_onto_its_own_line(string input, string expected)
    {
        var result = EmpsFormatter.Format(input);
        Assert.Equal(FormatStatus.Formatted, result.Status);
        Assert.Equal(expected, result.Text);
        var again = EmpsFormatter.Format(expected);
        Assert.Equal(expected, again.Text);
        Assert.False(again.Changed);
        Assert.Equal(
            ModelComparison.WithoutLocations(EmpsCompilation.FromText(input).Model),
            ModelComparison.WithoutLocations(EmpsCompilation.FromText(expected).Model));
    }

    [Fact]
    public void Minimal_change_covers_only_the_difference()
    {
        var change = EmpsFormatter.MinimalChange("scenario  S {}", "scenario S {}");
        Assert.NotNull(change);
        Assert.Equal("scenario ", "scenario  S {}".Substring(0, change!.Value.Span.Start) + change.Value.NewText);
        Assert.Null(EmpsFormatter.MinimalChange("a", "a"));
        string before = "a\r\nb", after = "a\nb";
        var c2 = EmpsFormatter.MinimalChange(before, after)!.Value;
        Assert.Equal(after, before.Substring(0, c2.Span.Start) + c2.NewText + before.Substring(c2.Span.End));
    }

    [Fact]
    public void Every_baseline_file_formats_idempotently_and_keeps_its_model()
    {
        var files = BaselineFiles().ToList();
        foreach (var path in files)
        {
            var text = SourceText.From(File.ReadAllText(path), path);
            var first = EmpsFormatter.Format(text);
            Assert.NotEqual(FormatStatus.Unsafe, first.Status);
            if (first.Status != FormatStatus.Formatted) continue;
            var second = EmpsFormatter.Format(text.WithText(first.Text));
            Assert.Equal(first.Text, second.Text);
            Assert.False(second.Changed, path);
            var before = EmpsCompilation.Create(new[] { text }).Model;
            var after = EmpsCompilation.Create(new[] { text.WithText(first.Text) }).Model;
            Assert.Equal(ModelComparison.WithoutLocations(before), ModelComparison.WithoutLocations(after));
        }
    }

    [Fact]
    public void Every_prefix_of_a_file_formats_without_crashing_and_idempotently_when_valid()
    {
        string text = Messy.Replace("\n", "\r\n").Replace("Needs", "Needs \U0001F61F");
        int formatted = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            string prefix = text.Substring(0, i);
            var first = EmpsFormatter.Format(prefix);
            Assert.NotEqual(FormatStatus.Unsafe, first.Status);
            if (first.Status != FormatStatus.Formatted) { Assert.Equal(prefix, first.Text); continue; }
            formatted++;
            Assert.Equal(first.Text, EmpsFormatter.Format(first.Text).Text);
        }
        Assert.True(formatted > 10, $"only {formatted} prefixes were valid");
    }

    /// <summary>Every .emps file of the repository (the shipped library and test baselines).</summary>
    internal static IEnumerable<string> BaselineFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScenarioDsl.sln"))) dir = dir.Parent;
        if (dir is null) yield break;
        foreach (var sub in new[] { "scenarios", "tests", "docs" })
        {
            string root = Path.Combine(dir.FullName, sub);
            if (!Directory.Exists(root)) continue;
            foreach (var f in Directory.EnumerateFiles(root, "*.emps", SearchOption.AllDirectories))
                if (!f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                    yield return f;
        }
    }
}
