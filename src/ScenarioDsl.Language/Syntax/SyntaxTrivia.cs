using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>Whitespace, line breaks, comments and skipped characters around a token.</summary>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, TextSpan Span)
{
    public bool IsComment => Kind is SyntaxKind.LineComment or SyntaxKind.BlockComment;
}
