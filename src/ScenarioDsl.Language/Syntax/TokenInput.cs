using Sprache;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// Sprache input over tokens instead of characters: each "character" is a token's kind, so Sprache
/// combinators run on the token stream, and <see cref="Token"/> gives the token itself (with its
/// source offsets for diagnostics). Positions are token indexes; input ends at a declaration's end.
/// </summary>
internal sealed class TokenInput : IInput
{
    // One shared object per parsed file (the token table and the kinds string), so an input (one is
    // made per token the parser advances over) is 32 bytes.
    private readonly TokenStream _stream;

    /// <summary>The whole token stream of a file (up to its end-of-file token); declarations take slices with <see cref="Slice"/>.</summary>
    public TokenInput(TokenTable tokens)
        : this(new TokenStream(tokens, KindString(tokens)), 0, tokens.Count - 1)
    {
    }

    private TokenInput(TokenStream stream, int position, int end)
    {
        _stream = stream;
        Position = position;
        End = end;
    }

    private sealed class TokenStream
    {
        public TokenStream(TokenTable tokens, string kinds)
        {
            Tokens = tokens;
            Kinds = kinds;
        }

        public TokenTable Tokens { get; }

        public string Kinds { get; }
    }

    /// <summary>One char per token: its kind. Built once per file.</summary>
    public static string KindString(TokenTable tokens)
    {
        var chars = new char[tokens.Count];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)tokens.Tokens[i].Kind;
        return new string(chars);
    }

    public int End { get; }

    /// <summary>The token at the position; at the end, the token that ends the input (next declaration or end of file).</summary>
    public SyntaxToken Token => new(_stream.Tokens, Math.Min(Position, End));

    /// <summary>The kind of <see cref="Token"/>, read without making a handle.</summary>
    public SyntaxKind Kind => (SyntaxKind)_stream.Kinds[Math.Min(Position, End)];

    /// <summary>The kind of the token at an index of the file (lexed tokens only).</summary>
    public SyntaxKind KindAt(int index) => (SyntaxKind)_stream.Kinds[index];

    public SyntaxToken TokenAt(int index) => new(_stream.Tokens, index);

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("Cannot advance beyond the end of the input.");
        return new TokenInput(_stream, Position + 1, End);
    }

    public TokenInput At(int position) => new(_stream, position, End);

    /// <summary>The tokens from <paramref name="position"/> up to (not including) <paramref name="end"/>, sharing this input's stream.</summary>
    public TokenInput Slice(int position, int end) => new(_stream, position, end);

    public string Source => _stream.Kinds;

    public char Current => _stream.Kinds[Position];

    public bool AtEnd => Position >= End;

    public int Position { get; }

    public int Line => 0;

    public int Column => Position;

    /// <summary>Not supported: the grammar uses no memoizing Sprache combinator (<c>Parse.Ref</c>), and inputs stay small.</summary>
    public IDictionary<object, object> Memos =>
        throw new NotSupportedException("TokenInput keeps no memos: the .emps grammar uses no memoizing Sprache combinators.");

    public bool Equals(IInput? other) =>
        other is TokenInput t && ReferenceEquals(t._stream.Tokens, _stream.Tokens) && t.Position == Position && t.End == End;

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => Position;
}
