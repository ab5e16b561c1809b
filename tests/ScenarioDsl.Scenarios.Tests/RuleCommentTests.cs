using ScenarioDsl.Language.Syntax;

namespace ScenarioDsl.Scenarios.Tests;

/// <summary>
/// Each persona of the library written for ScenarioDsl has "reaction rules whose comments say why this persona
/// reacts this way": every <c>on</c> rule has a <c>//</c> comment on the line directly above it, or directly follows
/// a rule on the same cue that has one (one comment covers a pair such as <c>on advice when distress &gt; 0.5</c> /
/// <c>on advice when distress &lt;= 0.5</c>). Read from the language core's syntax tree: a rule's leading trivia
/// holds the comment lines above it. The spec's own example (student-under-pressure.emps) is shipped as the spec
/// writes it, without comments, and is not checked.
/// </summary>
public sealed class RuleCommentTests
{
    public static TheoryData<string> CommentedFiles => new() { "brief-benchmark.emps", "empa-deficits.emps" };

    [Theory]
    [MemberData(nameof(CommentedFiles))]
    public void Every_reaction_rule_has_a_comment_saying_why(string name)
    {
        string path = Path.Combine(RepoRoot, "scenarios", name);
        var tree = SyntaxTree.Parse(File.ReadAllText(path), path);
        Assert.Empty(tree.Diagnostics);

        var (rules, missing) = RulesWithoutComment(tree, $"scenarios/{name}");

        Assert.True(rules > 0, $"scenarios/{name} has no reaction rules");
        Assert.True(missing.Count == 0,
            $"{missing.Count} of {rules} reaction rules in scenarios/{name} have no // comment on the line directly above "
            + "them (and do not directly follow a commented rule on the same cue); add one that says why the persona "
            + "reacts this way:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_check_takes_only_a_line_comment_directly_above_or_a_commented_rule_on_the_same_cue_before()
    {
        const string text = """
            persona P in S {
              start { d: 0 }
              // Why a.
              on a when d > 0 => d += 1
              on a when d <= 0 => d += 2
              on b => d += 1
              // Why c, but a blank line follows.

              on c => d += 1
              on c when d > 0 => d += 1
              /* a block comment */
              on e => d += 1
              // Why f.
              on f => d += 1 // and why g, trailing f
              on g => d += 1
            }
            """;
        var (rules, missing) = RulesWithoutComment(SyntaxTree.Parse(text, "t.emps"), "t.emps");

        Assert.Equal(8, rules);
        Assert.Equal(
            [
                "t.emps:6 persona P: `on b => d += 1`",
                "t.emps:9 persona P: `on c => d += 1`",
                "t.emps:10 persona P: `on c when d > 0 => d += 1`",
                "t.emps:12 persona P: `on e => d += 1`",
                "t.emps:15 persona P: `on g => d += 1`",
            ],
            missing);
    }

    /// <summary>The number of <c>on</c> rules in the tree's personas, and each one not covered by a comment as <c>file:line persona P: `rule`</c>.</summary>
    private static (int Rules, List<string> Missing) RulesWithoutComment(SyntaxTree tree, string file)
    {
        var missing = new List<string>();
        int rules = 0;
        foreach (var persona in tree.Root.Declarations.OfType<PersonaDeclarationSyntax>())
        {
            RuleSyntax? previous = null;
            bool previousCovered = false;
            foreach (var member in persona.Members)
            {
                if (member is not RuleSyntax rule)
                {
                    previous = null;
                    continue;
                }
                rules++;
                bool covered = HasCommentDirectlyAbove(rule.OnKeyword)
                    || (previous is not null && previousCovered && previous.Cue.Text == rule.Cue.Text && OnlyIndentationAbove(rule.OnKeyword));
                if (!covered)
                {
                    int line = tree.Text.GetLinePosition(rule.OnKeyword.Span.Start).Line + 1;
                    missing.Add($"{file}:{line} persona {persona.Name?.Text}: `{tree.Text.ToString(rule.Span).Trim()}`");
                }
                previous = rule;
                previousCovered = covered;
            }
        }
        return (rules, missing);
    }

    /// <summary>The leading trivia, read from the token backwards: indentation, one line break, then a <c>//</c> comment.</summary>
    private static bool HasCommentDirectlyAbove(SyntaxToken token)
    {
        var trivia = token.LeadingTrivia;
        int i = trivia.Count - 1;
        while (i >= 0 && trivia[i].Kind == SyntaxKind.Whitespace) i--;
        // The previous line's break is the previous token's trailing trivia, so a comment line directly above is the
        // comment, its own line break, then the indentation; a blank line in between adds another line break.
        if (i < 0 || trivia[i].Kind != SyntaxKind.EndOfLine) return false;
        i--;
        while (i >= 0 && trivia[i].Kind == SyntaxKind.Whitespace) i--;
        return i >= 0 && trivia[i].Kind == SyntaxKind.LineComment;
    }

    /// <summary>True when the token starts the line right after the previous token's (no blank line, no comment between).</summary>
    private static bool OnlyIndentationAbove(SyntaxToken token) =>
        token.LeadingTrivia.All(t => t.Kind == SyntaxKind.Whitespace);

    private static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScenarioDsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ScenarioDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
