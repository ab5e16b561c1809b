using ScenarioDsl.Language.Formatting;
using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;
using Xunit;

namespace ScenarioDsl.Language.Tests.Formatting;

/// <summary><see cref="EmpsFormatter.Changes"/>: the formatter's result as edits between tokens, optionally limited to a range.</summary>
public class RangeFormattingTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string> { FormatterTests.Messy };
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.emps").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Mess(File.ReadAllText(file)));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void All_changes_applied_give_the_formatted_text(string text)
    {
        var tree = SyntaxTree.Parse(text, "f.emps");
        var changes = EmpsFormatter.Changes(tree);
        Assert.NotEmpty(changes);
        Assert.Equal(EmpsFormatter.Format(tree).Text, Apply(text, changes));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_range_changes_nothing_outside_it_and_formatting_it_again_changes_nothing(string text)
    {
        var random = new Random(text.Length);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int a = random.Next(text.Length), b = random.Next(text.Length);
            var range = TextSpan.FromBounds(Math.Min(a, b), Math.Max(a, b));
            var tree = SyntaxTree.Parse(text, "f.emps");
            var changes = EmpsFormatter.Changes(tree, range);
            Assert.All(changes, c => Assert.True(c.Span.Start <= range.End && c.Span.End >= range.Start, $"{c.Span} is outside {range}"));
            // Text before the first and after the last edit is untouched; the result still parses cleanly.
            string applied = Apply(text, changes);
            if (changes.Count > 0)
            {
                Assert.Equal(text.Substring(0, changes[0].Span.Start), applied.Substring(0, changes[0].Span.Start));
                int tail = text.Length - changes[^1].Span.End;
                Assert.Equal(text.Substring(text.Length - tail), applied.Substring(applied.Length - tail));
            }
            Assert.Empty(SyntaxTree.Parse(applied, "f.emps").Diagnostics);
        }
    }

    [Fact]
    public void Formatting_one_declaration_leaves_the_next_as_written()
    {
        string text = "space S{a [0,1]}\n\nspace   T {b [0, 1]}\n";
        var tree = SyntaxTree.Parse(text, "f.emps");
        var changes = EmpsFormatter.Changes(tree, new TextSpan(0, text.IndexOf('\n')));
        Assert.Equal("space S {\n  a [0, 1]\n}\n\nspace   T {b [0, 1]}\n", Apply(text, changes));
    }

    [Fact]
    public void A_formatted_file_or_one_with_syntax_errors_gets_no_changes()
    {
        Assert.Empty(EmpsFormatter.Changes(SyntaxTree.Parse(EmpsFormatter.Format(FormatterTests.Messy).Text, "f.emps")));
        Assert.Empty(EmpsFormatter.Changes(SyntaxTree.Parse("space S {  a [0,", "f.emps")));
    }

    private static string Mess(string text) =>
        text.Replace("  ", "    ").Replace(", ", ",").Replace(" {", "{").Replace("\n\n", "\n\n\n");

    internal static string Apply(string text, IReadOnlyList<TextChange> changes)
    {
        var sb = new System.Text.StringBuilder();
        int at = 0;
        foreach (var c in changes)
        {
            Assert.True(c.Span.Start >= at, "edits must be ordered and must not overlap");
            sb.Append(text, at, c.Span.Start - at).Append(c.NewText);
            at = c.Span.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }
}
