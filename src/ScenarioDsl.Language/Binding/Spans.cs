using ScenarioDsl.Language.Syntax;
using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Binding;

/// <summary>Span helpers for binder locations.</summary>
internal static class Spans
{
    /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Of(SyntaxToken first, SyntaxToken last) =>
        TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.Start, last.Span.End));
}
