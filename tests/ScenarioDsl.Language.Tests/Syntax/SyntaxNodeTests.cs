using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Tests.Syntax;

/// <summary>Children, edge tokens and spans of nodes.</summary>
public class SyntaxNodeTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scenarios", "student-under-pressure.emps"));

    [Fact]
    public void A_node_span_runs_from_its_first_token_to_its_last()
    {
        var tree = SyntaxTree.Parse(Example, "example.emps");
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            var tokens = node.DescendantTokens().Where(t => !t.IsMissing).ToList();
            Assert.Equal(TextSpan.FromBounds(tokens[0].Span.Start, tokens[^1].Span.End), node.Span);
            Assert.Equal(tokens[0], node.FirstToken);
            Assert.Equal(tokens[^1], node.LastToken);
        }
    }

    [Fact]
    public void Missing_tokens_are_edges_only_when_nothing_else_is()
    {
        // The file ends inside the space: its close brace is missing, so its last real token is "]".
        var tree = SyntaxTree.Parse("space S { a [0, 1]", "broken.emps");
        var space = Assert.IsType<SpaceDeclarationSyntax>(tree.Root.Declarations[0]);
        Assert.True(space.CloseBrace.IsMissing);
        Assert.Equal("]", space.LastToken!.Value.Text);
        Assert.Equal("space", space.FirstToken!.Value.Text);
    }

    [Fact]
    public void Spans_of_a_fresh_tree_are_computed_without_allocating()
    {
        foreach (var node in SyntaxTree.Parse(Example, "warm.emps").Root.DescendantNodesAndSelf().Reverse())
            _ = node.Span; // the reusable children lists have grown to the example's widest node
        var tree = SyntaxTree.Parse(Example, "example.emps");
        var nodes = tree.Root.DescendantNodesAndSelf().Reverse().ToList();
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var node in nodes) _ = node.Span;
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
