namespace ScenarioDsl.Language.Syntax;

/// <summary>Token and trivia kinds. Keywords are contextual: they are identifiers to the lexer.</summary>
public enum SyntaxKind : byte
{
    None = 0,

    // Tokens (values stay below 0x20 so a token stream maps onto chars for Sprache)
    EndOfFile = 1,
    Identifier,
    Number,
    String,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Arrow,
    PlusEquals,
    MinusEquals,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    DotDot,
    Minus,

    // Trivia
    Whitespace = 0x40,
    EndOfLine,
    LineComment,
    BlockComment,
    SkippedText,
}

public static class SyntaxFacts
{
    /// <summary>The text of a punctuation token, or null for tokens with variable text.</summary>
    public static string? GetText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenBrace => "{",
        SyntaxKind.CloseBrace => "}",
        SyntaxKind.OpenBracket => "[",
        SyntaxKind.CloseBracket => "]",
        SyntaxKind.Comma => ",",
        SyntaxKind.Colon => ":",
        SyntaxKind.Arrow => "=>",
        SyntaxKind.PlusEquals => "+=",
        SyntaxKind.MinusEquals => "-=",
        SyntaxKind.Less => "<",
        SyntaxKind.LessEqual => "<=",
        SyntaxKind.Greater => ">",
        SyntaxKind.GreaterEqual => ">=",
        SyntaxKind.DotDot => "..",
        SyntaxKind.Minus => "-",
        SyntaxKind.EndOfFile => "",
        _ => null,
    };

    /// <summary>How a token kind is named in "expected ..." messages.</summary>
    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFile => "end of file",
        SyntaxKind.Identifier => "a name",
        SyntaxKind.Number => "a number",
        SyntaxKind.String => "a string",
        _ => "'" + GetText(kind) + "'",
    };

    public static bool IsTrivia(SyntaxKind kind) => kind >= SyntaxKind.Whitespace;

    /// <summary>Keywords that start a top-level declaration.</summary>
    public static readonly string[] DeclarationKeywords = { "space", "cues", "persona", "goal", "scenario", "suite" };

    /// <summary>Every keyword of the grammar (declarations, members and the words inside members).</summary>
    public static readonly string[] Keywords = DeclarationKeywords.Concat(new[]
    {
        "about", "traits", "start", "opens", "on", "when", "and", "drift", "noise", "says", "in",
        "target", "shift", "within", "turns", "weights", "scoring", "process", "epm", "direction", "fixed", "per", "turn",
        "seed", "personas", "goals", "seeds",
    }).ToArray();

    public static bool IsDeclarationKeyword(string text) =>
        text is "space" or "cues" or "persona" or "goal" or "scenario" or "suite";

    public static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9');

    public static bool IsValidIdentifier(string text)
    {
        if (string.IsNullOrEmpty(text) || !IsIdentifierStart(text[0])) return false;
        foreach (char c in text) if (!IsIdentifierPart(c)) return false;
        return true;
    }
}
