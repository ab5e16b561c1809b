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

    public TokenInput(TokenTable tokens, string kinds, int position, int end)
        : this(new TokenStream(tokens, kinds), position, end)
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

    /// <summary>The kind of the token at an index (inside this input).</summary>
    public SyntaxKind KindAt(int index) => (SyntaxKind)_stream.Kinds[index];

    public SyntaxToken TokenAt(int index) => new(_stream.Tokens, index);

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("Cannot advance beyond the end of the input.");
        return new TokenInput(_stream, Position + 1, End);
    }

    public TokenInput At(int position) => new(_stream, position, End);

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
