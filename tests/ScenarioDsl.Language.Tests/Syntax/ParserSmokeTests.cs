using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Language.Tests.Syntax;

public class ParserSmokeTests
{
    [Fact]
    public void Spec_example_parses_without_errors_and_round_trips()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "scenarios", "student-under-pressure.emps");
        var tree = SyntaxTree.Parse(File.ReadAllText(path), path);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(7, tree.Root.Declarations.Count);
        Assert.Equal(tree.Text.Text, FullText(tree));
    }

    internal static string FullText(SyntaxTree tree)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var token in tree.Root.DescendantTokens())
        {
            foreach (var t in token.LeadingTrivia) sb.Append(tree.Text.ToString(t.Span));
            sb.Append(tree.Text.ToString(token.Span));
            foreach (var t in token.TrailingTrivia) sb.Append(tree.Text.ToString(t.Span));
        }
        return sb.ToString();
    }
}
