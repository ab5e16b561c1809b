using ScenarioDsl.Language.Diagnostics;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>One parsed .emps file: its text, its full-fidelity root and its syntax diagnostics.</summary>
public sealed class SyntaxTree
{
    private SyntaxTree(SourceText text, CompilationUnitSyntax root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    public string Path => Text.Path;

    public CompilationUnitSyntax Root { get; }

    /// <summary>Lexer and parser diagnostics (EMPS0001-EMPS0003), in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public static SyntaxTree Parse(SourceText text)
    {
        var diagnostics = new List<Diagnostic>();
        var tokens = Lexer.LexTable(text, diagnostics);
        var root = Parser.ParseCompilationUnit(text, tokens, diagnostics);
        diagnostics.Sort((a, b) => a.Location.Span.Start.CompareTo(b.Location.Span.Start));
        return new SyntaxTree(text, root, diagnostics);
    }

    public static SyntaxTree Parse(string text, string path = "") => Parse(SourceText.From(text, path));

    /// <summary>The token whose span contains the position, or the one just before it.</summary>
    public SyntaxToken? FindToken(int position)
    {
        SyntaxToken? previous = null;
        foreach (var token in Root.DescendantTokens())
        {
            if (token.IsMissing) continue;
            if (token.Span.ContainsOrTouches(position) && token.Kind != SyntaxKind.EndOfFile) return token;
            if (token.Span.Start > position) break;
            previous = token;
        }
        return previous;
    }
}
