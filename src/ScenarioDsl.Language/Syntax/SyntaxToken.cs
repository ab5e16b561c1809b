using ScenarioDsl.Language.Text;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// A token with its trivia. Leading trivia is everything between the previous token's trailing
/// trivia and this token; trailing trivia runs to the end of the line (the line break included).
/// Concatenating every token's full text gives back the source exactly.
/// </summary>
public sealed class SyntaxToken
{
    private readonly double _number;
    private readonly string? _string;

    internal SyntaxToken(
        SyntaxKind kind, TextSpan span, string text, double number, string? stringValue,
        SyntaxTriviaList leading, SyntaxTriviaList trailing, bool isFirstOnLine, bool isMissing = false)
    {
        Kind = kind;
        Span = span;
        Text = text;
        _number = number;
        _string = stringValue;
        LeadingTrivia = leading;
        TrailingTrivia = trailing;
        IsFirstOnLine = isFirstOnLine;
        IsMissing = isMissing;
    }

    public SyntaxKind Kind { get; }

    /// <summary>The token's own characters, without trivia.</summary>
    public TextSpan Span { get; }

    public string Text { get; }

    /// <summary>A number's value (double) or a string's decoded value; null otherwise.</summary>
    public object? Value => Kind switch
    {
        SyntaxKind.Number => _number,
        SyntaxKind.String => _string,
        _ => null,
    };

    public SyntaxTriviaList LeadingTrivia { get; }

    public SyntaxTriviaList TrailingTrivia { get; }

    /// <summary>True for the first token on its line (or in the file).</summary>
    public bool IsFirstOnLine { get; }

    /// <summary>True for a token the parser expected but did not find (zero width).</summary>
    public bool IsMissing { get; }

    public TextSpan FullSpan
    {
        get
        {
            int start = LeadingTrivia.Count > 0 ? LeadingTrivia[0].Span.Start : Span.Start;
            int end = TrailingTrivia.Count > 0 ? TrailingTrivia[TrailingTrivia.Count - 1].Span.End : Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>A number's value; NaN for other tokens and for numbers the lexer reported as invalid.</summary>
    public double NumberValue => Kind == SyntaxKind.Number ? _number : double.NaN;

    /// <summary>A string's decoded value; empty for other tokens.</summary>
    public string StringValue => _string ?? "";

    public bool IsKeyword(string keyword) => Kind == SyntaxKind.Identifier && Text == keyword;

    internal static SyntaxToken Missing(SyntaxKind kind, int position) =>
        new(kind, new TextSpan(position, 0), "", double.NaN, null, default, default, false, isMissing: true);

    public override string ToString() => Text;
}
