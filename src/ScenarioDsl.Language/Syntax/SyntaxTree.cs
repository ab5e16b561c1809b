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

    /// <summary>
    /// The name (identifier token) that <paramref name="position"/> is in or touches, or null. A name is preferred to the
    /// punctuation the position also touches (<c>{calm</c>, <c>,trust</c>, <c>calm:</c>), so a caret at either end of a
    /// name finds it.
    /// </summary>
    public SyntaxToken? FindName(int position)
    {
        foreach (var token in Root.DescendantTokens())
        {
            if (token.Span.Start > position) break;
            if (token.Kind == SyntaxKind.Identifier && !token.IsMissing && token.Span.ContainsOrTouches(position)) return token;
        }
        return null;
    }
}
