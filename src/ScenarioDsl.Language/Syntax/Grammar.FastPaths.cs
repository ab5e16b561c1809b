using Sprache;

namespace ScenarioDsl.Language.Syntax;

/// <summary>
/// Fast paths for the hot rules (every member rule but <c>scoring</c> and <c>seeds</c>, and the
/// declaration headers). Each rule keeps its general Sprache parser (the grammar: what is
/// accepted, and every failure with its message); the fast path reads the rule's common, well-formed
/// shape straight off the token kinds with a <see cref="TokenCursor"/>, makes the node once, and
/// returns one Sprache result for the whole member. Any token out of shape and the general parser
/// runs from the member's start instead, so a fast path can only ever give what the general parser
/// would have given, which the tests check by parsing every input both ways.
/// </summary>
/// <remarks>
/// Why: the general parsers allocate a Sprache input and result per token, and garbage is what
/// parse + bind pays for most (every collection while a compilation is built copies the trees made
/// so far; docs/performance.md).
/// </remarks>
internal static partial class Grammar
{
    [ThreadStatic] private static bool t_generalOnly;

    /// <summary>
    /// Whether the hot rules take their fast paths (on by default). Off, every rule runs its general
    /// Sprache parser alone. Per thread, so a test that compares the two does not change what other
    /// threads parse.
    /// </summary>
    internal static bool FastPaths
    {
        get => !t_generalOnly;
        set => t_generalOnly = !value;
    }

    /// <summary>Reads a rule's shape; null (and the cursor not <see cref="TokenCursor.Ok"/>) when the tokens are out of shape.</summary>
    internal delegate T? Shape<T>(ref TokenCursor cursor) where T : class;

    private static Parser<T> WithFastPath<T>(Parser<T> general, Shape<T> shape) where T : class =>
        new FastPathRule<T>(general, shape).Parse;

    /// <summary>A rule with its fast path; the <see cref="Parser"/> can also try the fast path directly, without a Sprache input or result.</summary>
    internal sealed class FastPathRule<T> where T : class
    {
        private readonly Parser<T> _general;
        private readonly Shape<T> _shape;

        public FastPathRule(Parser<T> general, Shape<T> shape)
        {
            _general = general;
            _shape = shape;
        }

        public IResult<T> Parse(IInput input)
        {
            var tokens = (TokenInput)input;
            return TryRead(tokens, tokens.Position, out var node, out int next) ? Result.Success(node, tokens.At(next)) : _general(input);
        }

        /// <summary>
        /// The node when the tokens from <paramref name="position"/> (up to the input's end) have the rule's
        /// shape, and the index after it; false when they do not (or fast paths are off): then only the
        /// general parser may read them.
        /// </summary>
        public bool TryRead(TokenInput input, int position, out T node, out int next)
        {
            node = null!;
            next = position;
            if (t_generalOnly) return false;
            var cursor = new TokenCursor(input, position);
            var read = _shape(ref cursor);
            if (read is null || !cursor.Ok) return false;
            node = read;
            next = cursor.Position;
            return true;
        }
    }

    private static readonly Func<SyntaxToken, SyntaxToken, SyntaxToken, EntrySyntax> MakeEntry = static (n, c, v) => new EntrySyntax(n, c, v);
    private static readonly Func<SyntaxToken, SyntaxToken, SyntaxToken, ConditionSyntax> MakeCondition = static (d, op, v) => new ConditionSyntax(d, op, v);
    private static readonly Func<SyntaxToken, SyntaxToken, SyntaxToken, EffectSyntax> MakeEffect = static (d, op, v) => new EffectSyntax(d, op, v);

    /// <summary><c>when c (and c)*</c> if the next token is <c>when</c>; null otherwise (or out of shape).</summary>
    private static WhenClauseSyntax? WhenShape(ref TokenCursor c)
    {
        if (!c.Ok || !c.AtKeyword("when")) return null;
        var when = c.Take(SyntaxKind.Identifier);
        var conditions = c.Triples(SyntaxKind.Less, SyntaxKind.GreaterEqual, separator: SyntaxKind.Identifier, separatorKeyword: "and", allowTrailing: false, MakeCondition);
        return c.Ok ? new WhenClauseSyntax(when, conditions) : null;
    }

    private static MemberSyntax? RuleShape(ref TokenCursor c)
    {
        var on = c.TakeKeyword("on");
        var cue = c.Take(SyntaxKind.Identifier);
        var when = WhenShape(ref c);
        var arrow = c.Take(SyntaxKind.Arrow);
        var effects = c.Triples(SyntaxKind.PlusEquals, SyntaxKind.MinusEquals, SyntaxKind.Comma, separatorKeyword: null, allowTrailing: false, MakeEffect);
        return c.Ok ? new RuleSyntax(on, cue, when, arrow, effects) : null;
    }

    private static MemberSyntax? SaysShape(ref TokenCursor c)
    {
        var says = c.TakeKeyword("says");
        var when = WhenShape(ref c);
        var text = c.Take(SyntaxKind.String);
        return c.Ok ? new SaysSyntax(says, when, text) : null;
    }

    private static Shape<MemberSyntax> EntriesMemberShape(string keyword) => (ref TokenCursor c) =>
    {
        var k = c.TakeKeyword(keyword);
        var open = c.Take(SyntaxKind.OpenBrace);
        var entries = c.Ok && c.At(SyntaxKind.CloseBrace)
            ? SeparatedSyntaxList<EntrySyntax>.Empty
            : c.Triples(SyntaxKind.Colon, SyntaxKind.Colon, SyntaxKind.Comma, separatorKeyword: null, allowTrailing: true, MakeEntry);
        var close = c.Take(SyntaxKind.CloseBrace);
        return c.Ok ? new EntriesMemberSyntax(k, open, entries, close) : null;
    };

    private static MemberSyntax? DimensionShape(ref TokenCursor c)
    {
        var name = c.Take(SyntaxKind.Identifier);
        var open = c.Take(SyntaxKind.OpenBracket);
        var low = c.Take(SyntaxKind.Number);
        var comma = c.Take(SyntaxKind.Comma);
        var high = c.Take(SyntaxKind.Number);
        var close = c.Take(SyntaxKind.CloseBracket);
        var description = c.TakeIf(SyntaxKind.String);
        return c.Ok ? new DimensionSyntax(name, open, low, comma, high, close, description) : null;
    }

    private static MemberSyntax? CueShape(ref TokenCursor c)
    {
        var name = c.Take(SyntaxKind.Identifier);
        var phrases = c.Singles(SyntaxKind.String);
        return c.Ok ? new CueSyntax(name, phrases) : null;
    }

    private static Shape<MemberSyntax> ValueMemberShape(string keyword, SyntaxKind valueKind) => (ref TokenCursor c) =>
    {
        var k = c.TakeKeyword(keyword);
        var value = c.Take(valueKind);
        return c.Ok ? new ValueMemberSyntax(k, value) : null;
    };

    private static Shape<MemberSyntax> SingleReferenceShape(string keyword) => (ref TokenCursor c) =>
    {
        var k = c.TakeKeyword(keyword);
        var name = c.Take(SyntaxKind.Identifier);
        return c.Ok ? new ReferenceMemberSyntax(k, new SeparatedSyntaxList<SyntaxToken>(new[] { name }, Array.Empty<SyntaxToken>())) : null;
    };

    private static Shape<MemberSyntax> ReferenceListShape(string keyword) => (ref TokenCursor c) =>
    {
        var k = c.TakeKeyword(keyword);
        var names = c.Singles(SyntaxKind.Identifier);
        return c.Ok ? new ReferenceMemberSyntax(k, names) : null;
    };

    /// <summary>A header's tokens by kind; <c>in</c> and the space name only where <paramref name="inSpace"/>, a description only where <paramref name="described"/>.</summary>
    private static Shape<Header> HeaderShape(string keyword, bool named, bool inSpace, bool described) => (ref TokenCursor c) =>
    {
        var k = c.TakeKeyword(keyword);
        SyntaxToken? name = named ? c.Take(SyntaxKind.Identifier) : null;
        SyntaxToken? inKeyword = inSpace ? c.TakeKeyword("in") : null;
        SyntaxToken? space = inSpace ? c.Take(SyntaxKind.Identifier) : null;
        var description = described ? c.TakeIf(SyntaxKind.String) : null;
        var open = c.Take(SyntaxKind.OpenBrace);
        return c.Ok ? new Header(k, name, inKeyword, space, description, open) : null;
    };
}

/// <summary>
/// Reads tokens of a declaration's input by kind for the fast paths (<see cref="Grammar"/>): each
/// take checks the next token and advances, or stops the cursor (<see cref="Ok"/> false) for good;
/// nothing is allocated but the lists' exact-size arrays. A stopped cursor's results are meaningless.
/// </summary>
internal ref struct TokenCursor
{
    private readonly TokenInput _input;

    /// <summary>A cursor at <paramref name="position"/> of the input's tokens, up to the input's end.</summary>
    public TokenCursor(TokenInput input, int position)
    {
        _input = input;
        Position = position;
        Ok = true;
    }

    /// <summary>The index of the next token.</summary>
    public int Position { get; private set; }

    /// <summary>False once a token was out of shape.</summary>
    public bool Ok { get; private set; }

    public readonly bool At(SyntaxKind kind) => KindIs(Position, kind);

    public readonly bool AtKeyword(string keyword) => KeywordIs(Position, keyword);

    public SyntaxToken Take(SyntaxKind kind)
    {
        if (Ok && At(kind)) return _input.TokenAt(Position++);
        Ok = false;
        return default;
    }

    public SyntaxToken TakeKeyword(string keyword)
    {
        if (Ok && AtKeyword(keyword)) return _input.TokenAt(Position++);
        Ok = false;
        return default;
    }

    /// <summary>The next token if it is of <paramref name="kind"/>, else null (an optional token; the cursor goes on).</summary>
    public SyntaxToken? TakeIf(SyntaxKind kind) => Ok && At(kind) ? _input.TokenAt(Position++) : null;

    /// <summary>
    /// <c>item (separator item)*</c> of three-token items (a name, an operator from
    /// <paramref name="firstOperator"/> to <paramref name="lastOperator"/>, a number), as the general
    /// <c>SeparatedBy</c> reads them; with <paramref name="allowTrailing"/>, a separator may end the
    /// list before a closing brace. The separator is a token kind, or a keyword when <paramref name="separatorKeyword"/> is given.
    /// </summary>
    public SeparatedSyntaxList<T> Triples<T>(
        SyntaxKind firstOperator, SyntaxKind lastOperator, SyntaxKind separator, string? separatorKeyword, bool allowTrailing,
        Func<SyntaxToken, SyntaxToken, SyntaxToken, T> make)
    {
        if (!Ok) return default;
        // Count first, so the tree gets exact-size arrays and nothing else is allocated.
        int p = Position, items = 0, separators = 0;
        while (true)
        {
            if (!(KindIs(p, SyntaxKind.Identifier) && OperatorAt(p + 1, firstOperator, lastOperator) && KindIs(p + 2, SyntaxKind.Number)))
            {
                Ok = false;
                return default;
            }
            items++;
            p += 3;
            if (!SeparatorAt(p, separator, separatorKeyword)) break;
            separators++;
            p++;
            if (allowTrailing && KindIs(p, SyntaxKind.CloseBrace)) break;
        }

        var itemArray = new T[items];
        var separatorArray = separators == 0 ? Array.Empty<SyntaxToken>() : new SyntaxToken[separators];
        p = Position;
        for (int i = 0; i < items; i++)
        {
            itemArray[i] = make(_input.TokenAt(p), _input.TokenAt(p + 1), _input.TokenAt(p + 2));
            p += 3;
            if (i < separators) separatorArray[i] = _input.TokenAt(p++);
        }
        Position = p;
        return new SeparatedSyntaxList<T>(itemArray, separatorArray);
    }

    /// <summary><c>token (',' token)*</c> of one kind, as the general <c>SeparatedBy</c> reads them (no trailing comma).</summary>
    public SeparatedSyntaxList<SyntaxToken> Singles(SyntaxKind kind)
    {
        if (!Ok) return default;
        int p = Position, items = 0;
        while (true)
        {
            if (!KindIs(p, kind))
            {
                Ok = false;
                return default;
            }
            items++;
            p++;
            if (!KindIs(p, SyntaxKind.Comma)) break;
            p++;
        }

        var itemArray = new SyntaxToken[items];
        var separatorArray = items == 1 ? Array.Empty<SyntaxToken>() : new SyntaxToken[items - 1];
        p = Position;
        for (int i = 0; i < items; i++)
        {
            itemArray[i] = _input.TokenAt(p++);
            if (i < items - 1) separatorArray[i] = _input.TokenAt(p++);
        }
        Position = p;
        return new SeparatedSyntaxList<SyntaxToken>(itemArray, separatorArray);
    }

    private readonly bool KindIs(int index, SyntaxKind kind) => index < _input.End && _input.KindAt(index) == kind;

    private readonly bool KeywordIs(int index, string keyword) =>
        KindIs(index, SyntaxKind.Identifier) && _input.TokenAt(index).Text == keyword;

    private readonly bool OperatorAt(int index, SyntaxKind first, SyntaxKind last)
    {
        if (index >= _input.End) return false;
        var kind = _input.KindAt(index);
        return kind >= first && kind <= last;
    }

    private readonly bool SeparatorAt(int index, SyntaxKind separator, string? keyword) =>
        keyword is null ? KindIs(index, separator) : KeywordIs(index, keyword);
}
