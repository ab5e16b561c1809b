using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;
using Xunit;

namespace ScenarioDsl.Language.Tests.Syntax;

/// <summary>Tokens are handles into one table per file; the lexer reuses its buffers per thread.</summary>
public class TokenTableTests
{
    private const string Long = """
        // a long file first, so the reused buffers hold values a short file must not inherit
        space S "d" {
          a [0, 1] "first"   // trailing
          b [-1, 1]
        }
        cues { validation "that makes sense", "I hear \"you\"" }
        persona P in S { start { a: 0.5, b: -0.25 } on validation => a += 0.1 }
        """;

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("// only a comment")]
    [InlineData("space S { a [0, 1] }")]
    public void A_file_lexed_after_another_gets_the_same_tokens_as_on_its_own(string text)
    {
        var fresh = Describe(text);
        Lexer.Lex(SourceText.From(Long, "long.emps"), new List<Diagnostic>());
        Assert.Equal(fresh, Describe(text));
    }

    [Fact]
    public void Tokens_keep_text_values_and_trivia()
    {
        var tokens = Lexer.Lex(SourceText.From("  persona \"a\\\"b\" 0.25 // c\n}", "t.emps"), new List<Diagnostic>());
        Assert.Equal(new[] { SyntaxKind.Identifier, SyntaxKind.String, SyntaxKind.Number, SyntaxKind.CloseBrace, SyntaxKind.EndOfFile }, tokens.Select(t => t.Kind));
        Assert.Equal("persona", tokens[0].Text);
        Assert.Equal(new TextSpan(2, 7), tokens[0].Span);
        Assert.Equal(TextSpan.FromBounds(0, 10), tokens[0].FullSpan);
        Assert.Equal("a\"b", tokens[1].StringValue);
        Assert.Equal(0.25, tokens[2].NumberValue);
        Assert.Equal(new[] { SyntaxKind.Whitespace, SyntaxKind.LineComment, SyntaxKind.EndOfLine }, tokens[2].TrailingTrivia.Select(t => t.Kind));
        Assert.True(tokens[3].IsFirstOnLine);
        Assert.Equal(tokens[0], tokens[0]);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public void Equal_names_share_one_string_per_file_and_literals_read_their_text_from_the_source()
    {
        var tokens = Lexer.Lex(SourceText.From("abc abc 0.5 0.5 \"a\\\"b\" \"x\" 05e-1", "t.emps"), new List<Diagnostic>());
        Assert.Same(tokens[0].Text, tokens[1].Text);
        Assert.Equal(new[] { "0.5", "0.5", "\"a\\\"b\"", "\"x\"", "05e-1" }, tokens.Skip(2).Take(5).Select(t => t.Text));
        Assert.Equal(new[] { 3, 3, 6, 3, 5 }, tokens.Skip(2).Take(5).Select(t => t.Span.Length));
        Assert.Equal(0.5, tokens[6].NumberValue);
        Assert.Equal("a\"b", tokens[4].StringValue);
    }

    [Theory]
    [InlineData(SyntaxKind.Number)]
    [InlineData(SyntaxKind.String)]
    [InlineData(SyntaxKind.CloseBrace)]
    public void A_missing_token_has_no_text_width_or_value(SyntaxKind kind)
    {
        var table = Lexer.LexTable(SourceText.From("x 1 \"s\"", "t.emps"), new List<Diagnostic>());
        var missing = table.AddMissing(kind, 1);
        Assert.True(missing.IsMissing);
        Assert.Equal(kind, missing.Kind);
        Assert.Equal("", missing.Text);
        Assert.Equal(new TextSpan(1, 0), missing.Span);
        Assert.True(double.IsNaN(missing.NumberValue));
        Assert.Equal("", missing.StringValue);
        Assert.Equal(0, missing.LeadingTrivia.Count + missing.TrailingTrivia.Count);
    }

    [Fact]
    public void Keywords_and_punctuation_are_one_string_for_all_files()
    {
        var first = Lexer.Lex(SourceText.From("persona P in S { start { a: 0.5 } on x when a > 0.1 => a += 0.1 }", "a.emps"), new List<Diagnostic>());
        var second = Lexer.Lex(SourceText.From("persona Q in S { start { a: 0.5 } on x when a > 0.1 => a += 0.1 }", "b.emps"), new List<Diagnostic>());
        foreach (var kind in new[] { SyntaxKind.Identifier, SyntaxKind.OpenBrace, SyntaxKind.Colon, SyntaxKind.Greater, SyntaxKind.Arrow, SyntaxKind.PlusEquals })
        {
            foreach (var token in first.Where(t => t.Kind == kind && (kind != SyntaxKind.Identifier || SyntaxFacts.Keywords.Contains(t.Text))))
                Assert.Same(token.Text, second.First(t => t.Kind == kind && t.Text == token.Text).Text);
        }
        // names are each file's own
        Assert.NotSame(first[1].Text, Lexer.Lex(SourceText.From("P", "c.emps"), new List<Diagnostic>())[0].Text);
    }

    [Fact]
    public void The_keyword_list_has_every_keyword_of_the_grammar()
    {
        foreach (var kind in Enum.GetValues<DeclarationKind>())
            foreach (var keyword in Grammar.MemberKeywords(kind))
                Assert.Contains(keyword, SyntaxFacts.Keywords);
        foreach (var keyword in SyntaxFacts.DeclarationKeywords.Concat(new[] { "in", "when", "and", "process", "epm", "direction", "fixed", "per", "turn" }))
            Assert.Contains(keyword, SyntaxFacts.Keywords);
    }

    [Fact]
    public void Counts_and_widths_past_sixteen_bits_are_kept_exactly()
    {
        // Records keep 16 bits of a trailing count and a trivia width; larger ones are kept aside.
        string manyOnOneLine = string.Concat(Enumerable.Repeat(" /**/", 40_000)); // 80,000 trailing trivia
        string longComment = "// " + new string('x', 100_000);
        string text = "space" + manyOnOneLine + "\n" + new string('\n', 70_000) + "persona " + longComment + "\nP";
        var tokens = Lexer.Lex(SourceText.From(text, "t.emps"), new List<Diagnostic>());

        Assert.Equal(80_001, tokens[0].TrailingTrivia.Count); // the line break ends it
        Assert.Equal(TextSpan.FromBounds(0, 5 + manyOnOneLine.Length + 1), tokens[0].FullSpan);
        Assert.Equal(70_000, tokens[1].LeadingTrivia.Count);
        Assert.Equal("persona", tokens[1].Text);
        var comment = tokens[1].TrailingTrivia[1];
        Assert.Equal(SyntaxKind.LineComment, comment.Kind);
        Assert.Equal(longComment.Length, comment.Span.Length);
        Assert.Equal("P", tokens[2].Text);
        Assert.True(tokens[2].IsFirstOnLine);
        Assert.Equal(text, string.Concat(tokens.Select(t =>
            string.Concat(t.LeadingTrivia.Select(x => text.Substring(x.Span.Start, x.Span.Length)))
            + t.Text
            + string.Concat(t.TrailingTrivia.Select(x => text.Substring(x.Span.Start, x.Span.Length))))));
    }

    private static string Describe(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var tokens = Lexer.Lex(SourceText.From(text, "t.emps"), diagnostics);
        return string.Join("\n", tokens.Select(t =>
            $"{t.Kind} {t.Span} {t.FullSpan} '{t.Text}' {t.IsFirstOnLine} {t.IsMissing} {t.NumberValue} '{t.StringValue}' " +
            $"[{string.Join(",", t.LeadingTrivia.Select(x => x.Kind + ":" + x.Span))}] [{string.Join(",", t.TrailingTrivia.Select(x => x.Kind + ":" + x.Span))}]"))
            + "\n" + string.Join("\n", diagnostics);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_reported_once_where_it_is()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("persona P in S { says \"ab").Concat(new byte[] { 0xFF, 0xFE }).Concat(System.Text.Encoding.UTF8.GetBytes("c\" }")).ToArray();
        var text = SourceText.FromBytes(bytes, "t.emps");
        Assert.True(text.HasInvalidUtf8);
        var diagnostics = new List<Diagnostic>();
        var tokens = Lexer.Lex(text, diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("EMPS0001", d.Code);
        Assert.Equal(new TextSpan(text.Text.IndexOf('\uFFFD'), 1), d.Location.Span);
        Assert.Contains("invalid UTF-8", d.Message);
        Assert.Equal("ab\uFFFD\uFFFDc", tokens.Single(t => t.Kind == SyntaxKind.String).StringValue);
    }

    [Fact]
    public void A_replacement_character_written_as_such_is_not_invalid_utf8()
    {
        var text = SourceText.FromBytes(System.Text.Encoding.UTF8.GetBytes("says \"a\uFFFDb\""), "t.emps");
        Assert.False(text.HasInvalidUtf8);
        var diagnostics = new List<Diagnostic>();
        Lexer.Lex(text, diagnostics);
        Assert.Empty(diagnostics);
    }
}
