using Sprache;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// Sprache input over tokens instead of characters: each "character" is a token's kind, so Sprache
/// combinators run on the token stream, and <see cref="Token"/> gives the token itself (with its
/// source offsets for diagnostics). Positions are token indexes; input ends at a declaration's end.
/// </summary>
internal sealed class TokenInput : IInput
{
    private readonly TokenTable _tokens;
    private readonly string _kinds;
    private IDictionary<object, object>? _memos;

    public TokenInput(TokenTable tokens, string kinds, int position, int end)
    {
        _tokens = tokens;
        _kinds = kinds;
        Position = position;
        End = end;
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
    public SyntaxToken Token => new(_tokens, Math.Min(Position, End));

    /// <summary>The kind of <see cref="Token"/>, read without making a handle.</summary>
    public SyntaxKind Kind => (SyntaxKind)_kinds[Math.Min(Position, End)];

    public SyntaxToken TokenAt(int index) => new(_tokens, index);

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("Cannot advance beyond the end of the input.");
        return new TokenInput(_tokens, _kinds, Position + 1, End);
    }

    public TokenInput At(int position) => new(_tokens, _kinds, position, End);

    public string Source => _kinds;

    public char Current => _kinds[Position];

    public bool AtEnd => Position >= End;

    public int Position { get; }

    public int Line => 0;

    public int Column => Position;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public bool Equals(IInput? other) =>
        other is TokenInput t && ReferenceEquals(t._tokens, _tokens) && t.Position == Position && t.End == End;

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => Position;
}
